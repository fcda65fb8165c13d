import { Component, type ComponentChildren } from 'preact';

interface State {
  error: unknown;
}

export interface ErrorBoundaryProps {
  children?: ComponentChildren;
  /** The page's heading, shown above the message. */
  title: string;
  /** What could not be shown, and what was kept safe, given what went wrong. */
  failure: (error: unknown) => string;
  /** What to do next. */
  advice: string;
}

/** Whatever goes wrong while showing the page (the popup, the settings), it says so plainly rather than going blank. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null };

  override componentDidCatch(error: unknown): void {
    this.setState({ error });
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <main class="page">
        <h1>{this.props.title}</h1>
        <div class="notice notice--error" role="alert">
          <p>{this.props.failure(error)}</p>
          <p>{this.props.advice}</p>
        </div>
      </main>
    );
  }
}
