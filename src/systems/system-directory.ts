import { queryOptions } from '@tanstack/react-query';
import { systemListSchema } from '../../contract/schemas.ts';
import type { SystemSummary } from '../../contract/schemas.ts';
import { parseJsonText, parseOrExplain } from '../../contract/validate.ts';

/**
 * Which trading systems the board can show. `listed`: the war-room server reads them and serves
 * each one's API under its own path. `unlisted`: nobody lists systems here (a dev setup that
 * forwards /api straight to one trading system), so the board speaks to `config.apiBaseUrl`.
 */
export type SystemDirectory = { kind: 'listed'; systems: SystemSummary[] } | { kind: 'unlisted' };

/** Served from the war-room server's memory: asking often costs the trading systems nothing. */
export const SYSTEMS_POLL_MS = 2000;
const TIMEOUT_MS = 3000;

/**
 * Reads the system list. Absent — a 404, or an answer that is not JSON (a dev server's index.html
 * for a path it does not know) — is an answer too: there is no war-room server in front. A list
 * that breaks the contract, a 5xx or no answer at all is a failure: what was known stays.
 */
export async function readSystemDirectory(
  url: string,
  fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init),
): Promise<SystemDirectory> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    const timedOut = name === 'TimeoutError' || name === 'AbortError';
    throw new Error(`${url}: ${timedOut ? `no answer within ${TIMEOUT_MS / 1000} s` : 'no connection'}`, {
      cause: error,
    });
  }
  if (response.status === 404) return { kind: 'unlisted' };
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  const json = parseJsonText(await response.text(), 'system list');
  if (!json.ok) return { kind: 'unlisted' };
  const list = parseOrExplain(systemListSchema, json.value, 'system list');
  if (!list.ok) throw new Error(list.error);
  return { kind: 'listed', systems: list.value.systems };
}

export const systemQueries = {
  directory: (url: string) =>
    queryOptions({
      queryKey: ['war-room-server', 'systems', url] as const,
      queryFn: () => readSystemDirectory(url),
      refetchInterval: SYSTEMS_POLL_MS,
      // The next poll is the retry; backing off would only delay the first board.
      retry: false,
    }),
};
