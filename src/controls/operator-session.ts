import { operatorSchema } from '../../contract/schemas.ts';
import { parseJsonText, parseOrExplain } from '../../contract/validate.ts';
import { sessionStarted } from '../session/operator.ts';
import type { OperatorSession } from '../session/operator.ts';

export const TOKEN_UNKNOWN = 'The trading system does not know this token.';

// Who is signed in is held by the session module, below both the controls and the war-room
// writes (which name the responder); re-exported so that this module stays the controls' door.
export { currentSession, signedOut, useOperatorSession } from '../session/operator.ts';
export type { OperatorSession } from '../session/operator.ts';

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
  sessionStarted(session);
  return { ok: true, session };
}
