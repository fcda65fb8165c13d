import { render } from 'preact';
import { ErrorBoundary } from '../../components/popup/ErrorBoundary';
import { App, startLoading } from './App';
import './popup.css';

/** How long the first drawing waits for the list, so as not to flash "Reading the review tracker…". */
const WAIT_FOR_LIST_MS = 150;

const root = document.getElementById('app');
if (root) {
  // Reading starts now, not after the first paint.
  const preload = startLoading();
  const draw = () =>
    render(
      <ErrorBoundary>
        <App preload={preload} />
      </ErrorBoundary>,
      root,
    );
  void Promise.race([Promise.allSettled([preload.list, preload.settings]), new Promise((resolve) => setTimeout(resolve, WAIT_FOR_LIST_MS))]).then(draw);
}
