/** Shown instead of the board when config.json is missing or invalid: say exactly what to fix. */
export function ConfigErrorScreen({ error }: { error: string }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-950 p-8 text-slate-100">
      <section role="alert" className="max-w-3xl rounded-lg border-2 border-red-600 bg-slate-900 p-8">
        <h1 className="mb-4 text-3xl font-bold text-red-400">The dashboard's configuration is invalid</h1>
        <p className="mb-4 text-lg">The war room cannot start until config.json is fixed:</p>
        <pre className="rounded bg-black/50 p-4 text-lg whitespace-pre-wrap">{error}</pre>
        <p className="mt-4 text-slate-300">
          Edit config.json next to index.html and reload; no rebuild is needed.
        </p>
      </section>
    </main>
  );
}
