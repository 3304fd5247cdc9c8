import { useState } from 'react';
import type { FormEvent } from 'react';
import { useRuntimeConfig } from '../../config/config-context.tsx';
import { signIn } from '../../controls/operator-session.ts';

/** The operator token, entered once per browser session; without it no control is shown. */
export function SignInForm() {
  const { apiBaseUrl } = useRuntimeConfig();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await signIn(apiBaseUrl, token);
    setBusy(false);
    if (result.ok) setToken('');
    else setError(result.error);
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="flex items-center gap-2" aria-label="Operator sign-in">
      <label htmlFor="operator-token" className="text-sm text-slate-300">
        Operator token
      </label>
      <input
        id="operator-token"
        type="password"
        autoComplete="off"
        value={token}
        onChange={(e) => {
          setToken(e.target.value);
          setError(null);
        }}
        className="w-64 rounded border border-slate-500 bg-slate-950 px-2 py-1 text-white"
      />
      <button
        type="submit"
        disabled={busy}
        className="rounded border border-slate-400 px-3 py-1 font-semibold hover:bg-slate-800"
      >
        {busy ? 'Checking…' : 'Sign in to use controls'}
      </button>
      {error && (
        <p role="alert" className="text-sm font-semibold text-red-300">
          {error}
        </p>
      )}
    </form>
  );
}
