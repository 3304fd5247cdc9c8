import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

interface Props {
  /** The panel's name, to say which one failed. */
  name: string;
  children: ReactNode;
}

/**
 * One panel's failure stays in that panel: the rest of the board keeps working and the failed
 * one says so. React only offers error boundaries as class components.
 */
export class PanelBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`panel "${this.props.name}" failed`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <section
        aria-label={this.props.name}
        role="alert"
        className="rounded-lg border-2 border-red-600 bg-slate-900 p-4 text-slate-100"
      >
        <h2 className="font-semibold text-red-300">{this.props.name}: this panel failed</h2>
        <p className="mt-1 text-sm">{this.state.error.message}</p>
        <button
          type="button"
          className="mt-2 rounded border border-slate-500 px-2 py-1 text-sm hover:bg-slate-800"
          onClick={() => this.setState({ error: null })}
        >
          Try again
        </button>
      </section>
    );
  }
}
