import { create } from 'zustand';
import { operatorSchema } from '../../contract/schemas.ts';
import type { ControlId } from '../../contract/schemas.ts';
import { parseJsonText, parseOrExplain } from '../../contract/validate.ts';

export interface OperatorSession {
  token: string;
  operator: string;
  controls: ControlId[];
}

export const TOKEN_UNKNOWN = 'The trading system does not know this token.';

// The token lives for this browser tab's session only: sessionStorage, never localStorage, the
// URL or a log. Closing the tab signs the operator out.
const STORAGE_KEY = 'warroom.operator-session';

function restore(): OperatorSession | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<OperatorSession>;
    return typeof parsed.token === 'string' &&
      typeof parsed.operator === 'string' &&
      Array.isArray(parsed.controls)
      ? (parsed as OperatorSession)
      : null;
  } catch {
    return null;
  }
}

const useSessionStore = create<{ session: OperatorSession | null }>()(() => ({ session: restore() }));

export const useOperatorSession = () => useSessionStore((s) => s.session);
export const currentSession = () => useSessionStore.getState().session;

export function signedOut(): void {
  sessionStorage.removeItem(STORAGE_KEY);
  useSessionStore.setState({ session: null });
}

/** Checks a token with the trading system before keeping it; says why when it is refused. */
export async function signIn(
  apiBaseUrl: string,
  token: string,
  fetchImpl: typeof fetch = (i, init) => globalThis.fetch(i, init),
): Promise<{ ok: true; session: OperatorSession } | { ok: false; error: string }> {
  const trimmed = token.trim();
  if (trimmed.length < 8) return { ok: false, error: 'A token has at least 8 characters.' };
  let response: Response;
  try {
    response = await fetchImpl(`${apiBaseUrl}/operator`, {
      headers: { authorization: `Bearer ${trimmed}` },
      signal: AbortSignal.timeout(5000),
    });
  } catch {
    return { ok: false, error: 'The trading system did not answer; try again.' };
  }
  if (response.status === 401) return { ok: false, error: TOKEN_UNKNOWN };
  if (!response.ok) return { ok: false, error: `The trading system answered HTTP ${response.status}.` };
  const json = parseJsonText(await response.text(), 'operator');
  const parsed = json.ok ? parseOrExplain(operatorSchema, json.value, 'operator') : json;
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const session = { token: trimmed, ...parsed.value };
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  useSessionStore.setState({ session });
  return { ok: true, session };
}
