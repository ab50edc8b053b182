import { Component, type ReactNode } from 'react';

interface Props {
  /** What failed, for the message: "The Revenue page", "Outturn". */
  label: string;
  /** Changing it clears the error (a page's boundary resets when the user goes to another page). */
  resetKey?: string;
  /** Where to go from here, shown under the message. */
  advice: ReactNode;
  children: ReactNode;
}

interface State {
  error: Error | null;
  resetKey: string | undefined;
}

/**
 * One part of the app failing leaves the rest usable: the part is replaced by a message that says what
 * failed and what to do, and the navigation (outside the boundary) still works. Never a blank screen.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="panel page-failed" role="alert" aria-labelledby="page-failed-title">
        <h2 id="page-failed-title">{this.props.label} could not be shown</h2>
        <p>
          It stopped with this problem: <span className="mono">{error.message || error.name}</span>
        </p>
        {this.props.advice}
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </section>
    );
  }
}
