import { Component } from 'react';
import type { ReactNode } from 'react';

/**
 * The last line: if something above the panels fails, the commander gets words and a way back,
 * never a blank tab in the middle of an incident.
 */
export class RootBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main
        role="alert"
        className="flex min-h-screen items-center justify-center bg-slate-950 p-8 text-slate-100"
      >
        <section className="max-w-2xl rounded-lg border-2 border-red-600 bg-slate-900 p-8">
          <h1 className="mb-3 text-2xl font-bold text-red-300">
            The war room hit an error it could not contain
          </h1>
          <pre className="mb-4 whitespace-pre-wrap text-sm">{this.state.error.message}</pre>
          <p className="mb-4">Reloading starts it again; the trading system is not affected by this page.</p>
          <button
            type="button"
            className="rounded border border-slate-300 px-3 py-1 font-semibold hover:bg-slate-800"
            onClick={() => window.location.reload()}
          >
            Reload
          </button>
        </section>
      </main>
    );
  }
}
