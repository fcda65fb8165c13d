import { Component, type ComponentChildren } from 'preact';

interface State {
  error: unknown;
}

/** Whatever goes wrong while showing the popup, it says so plainly rather than going blank. */
export class ErrorBoundary extends Component<{ children?: ComponentChildren }, State> {
  override state: State = { error: null };

  override componentDidCatch(error: unknown): void {
    this.setState({ error });
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    const reason = (error instanceof Error ? error.message || error.name : String(error)).replace(/\.+$/, '');
    return (
      <main class="page">
        <h1>Monitoring reviews</h1>
        <div class="notice notice--error" role="alert">
          <p>
            The popup could not show the reviews: {reason}. Nothing has been deleted.
          </p>
          <p>Close the popup and open it again. If this keeps happening, tell your IT service desk.</p>
        </div>
      </main>
    );
  }
}
