import { render } from 'preact';
import { OptionsErrorBoundary } from '../../components/options/ErrorBoundary';
import { App } from './App';
import './options.css';

const root = document.getElementById('app');
if (root) {
  render(
    <OptionsErrorBoundary>
      <App />
    </OptionsErrorBoundary>,
    root,
  );
}
