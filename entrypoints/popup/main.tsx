import { render } from 'preact';
import { ErrorBoundary } from '../../components/popup/ErrorBoundary';
import { App, startLoading } from './App';
import './popup.css';

const root = document.getElementById('app');
if (root) {
  // Reading starts now, not after the first paint.
  const preload = startLoading();
  render(
    <ErrorBoundary>
      <App preload={preload} />
    </ErrorBoundary>,
    root,
  );
}
