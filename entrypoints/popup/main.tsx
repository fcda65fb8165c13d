import { render } from 'preact';
import { ErrorBoundary } from '../../components/shared/ErrorBoundary';
import { App, startLoading } from './App';
import './popup.css';

/** How long the first drawing waits for the list, so as not to flash "Reading the review tracker…". */
const WAIT_FOR_LIST_MS = 150;

/** What went wrong, in the error's own words, without a full stop (as the popup has always said it: untrimmed, unlike reasonOf). */
const errorWords = (error: unknown) => (error instanceof Error ? error.message || error.name : String(error)).replace(/\.+$/, '');

const root = document.getElementById('app');
if (root) {
  // Reading starts now, not after the first paint.
  const preload = startLoading();
  const draw = () =>
    render(
      <ErrorBoundary
        title="Monitoring reviews"
        failure={(error) => `The popup could not show the reviews: ${errorWords(error)}. Nothing has been deleted.`}
        advice="Close the popup and open it again. If this keeps happening, tell your IT service desk."
      >
        <App preload={preload} />
      </ErrorBoundary>,
      root,
    );
  void Promise.race([Promise.allSettled([preload.list, preload.settings]), new Promise((resolve) => setTimeout(resolve, WAIT_FOR_LIST_MS))]).then(draw);
}
