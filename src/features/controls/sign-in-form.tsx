import { useState } from 'react';
import type { FormEvent } from 'react';
import { useSessionActions } from '../../session/war-room-session.ts';

/**
 * Signing in to the war room, with a name and password from its operators file. The password
 * lives in this form's state until it is sent, and is cleared whatever the answer: the session
 * is the store's cookie, which no script here can read.
 */
export function SignInForm() {
  const actions = useSessionActions();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await actions.signIn(name, password);
    setBusy(false);
    setPassword('');
    if (!result.ok) setError(result.error);
  };
  const changed = (set: (value: string) => void) => (e: { target: { value: string } }) => {
    set(e.target.value);
    setError(null);
  };
  const input = 'rounded border border-slate-500 bg-slate-950 px-2 py-1 text-white';

  return (
    <form onSubmit={(e) => void submit(e)} className="flex flex-wrap items-center gap-2" aria-label="Sign in">
      <label className="flex items-center gap-1 text-sm text-slate-300">
        Name
        <input value={name} onChange={changed(setName)} autoComplete="username" className={`${input} w-36`} />
      </label>
      <label className="flex items-center gap-1 text-sm text-slate-300">
        Password
        <input
          type="password"
          value={password}
          onChange={changed(setPassword)}
          autoComplete="current-password"
          className={`${input} w-48`}
        />
      </label>
      <button
        type="submit"
        disabled={busy}
        className="rounded border border-slate-400 px-3 py-1 font-semibold hover:bg-slate-800"
      >
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      {error && (
        <p role="alert" className="text-sm font-semibold text-red-300">
          {error}
        </p>
      )}
    </form>
  );
}
