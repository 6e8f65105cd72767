import { Component, type ReactNode } from 'react';

/** Shows a failure in one screen as a message with a way back, instead of a blank page. */
export class ErrorBoundary extends Component<
  { children: ReactNode; resetKey: string },
  { error: Error | null }
> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey: string }) {
    // Navigating elsewhere gives the next screen a fresh start.
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="page">
        <h1>Something went wrong</h1>
        <p className="error" role="alert">
          This screen failed: {this.state.error.message}
        </p>
        <p>
          <a href="/">Go home</a> or reload the page.
        </p>
      </main>
    );
  }
}
