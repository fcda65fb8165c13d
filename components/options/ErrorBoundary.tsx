import { Component, type ComponentChildren } from 'preact';
import { reasonOf } from '../Notice';

interface State {
  error: unknown;
}

/** Whatever goes wrong while showing the settings, the page says so plainly rather than going blank. */
export class OptionsErrorBoundary extends Component<{ children?: ComponentChildren }, State> {
  override state: State = { error: null };

  override componentDidCatch(error: unknown): void {
    this.setState({ error });
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <main class="page">
        <h1>Monitoring Guard settings</h1>
        <div class="notice notice--error" role="alert">
          <p>The settings could not be shown: {reasonOf(error)}. Nothing has been changed.</p>
          <p>Close this tab and open the settings again. If this keeps happening, tell your IT service desk.</p>
        </div>
      </main>
    );
  }
}
