import { render } from 'preact';
import { ErrorBoundary } from '../../components/popup/ErrorBoundary';
import { App } from './App';
import './popup.css';

const root = document.getElementById('app');
if (root) {
  render(
    <ErrorBoundary>
      <App />
    </ErrorBoundary>,
    root,
  );
}
