import { render } from 'preact';
import { reasonOf } from '../../components/Notice';
import { ErrorBoundary } from '../../components/shared/ErrorBoundary';
import { OverviewPage } from '../../components/overview/OverviewPage';
import '../popup/popup.css';
import './overview.css';

const root = document.getElementById('app');
if (root) {
  render(
    <ErrorBoundary
      title="Team overview"
      failure={(error) => `The overview could not be shown: ${reasonOf(error)}. Nothing has been changed.`}
      advice="Close this tab and open the overview again from the Monitoring Guard popup. If this keeps happening, tell your IT service desk."
    >
      <OverviewPage />
    </ErrorBoundary>,
    root,
  );
}
