import { render } from 'preact';
import { reasonOf } from '../../components/Notice';
import { ErrorBoundary } from '../../components/shared/ErrorBoundary';
import { App } from './App';
import './options.css';

const root = document.getElementById('app');
if (root) {
  render(
    <ErrorBoundary
      title="Monitoring Guard settings"
      failure={(error) => `The settings could not be shown: ${reasonOf(error)}. Nothing has been changed.`}
      advice="Close this tab and open the settings again. If this keeps happening, tell your IT service desk."
    >
      <App />
    </ErrorBoundary>,
    root,
  );
}
