import { render } from 'preact';
import { reasonOf } from '../../components/Notice';
import { ErrorBoundary } from '../../components/shared/ErrorBoundary';
import { ImportPage } from './ImportPage';
import '../popup/popup.css';
import './import.css';

const root = document.getElementById('app');
if (root) {
  render(
    <ErrorBoundary
      title="Import a backup"
      failure={(error) => `The import could not be shown: ${reasonOf(error)}. Nothing has been imported.`}
      advice="Close this tab and open the import again from the Monitoring Guard popup. If this keeps happening, tell your IT service desk."
    >
      <ImportPage />
    </ErrorBoundary>,
    root,
  );
}
