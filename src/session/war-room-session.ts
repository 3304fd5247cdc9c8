// Who is signed in to the war room: the store's answer to GET /session, kept in the query cache
// and nowhere else. The credential is the store's HttpOnly cookie, which no script can read, so
// the browser holds no secret: not in web storage, not in a store, not in the URL.
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { personSchema, problemSchema } from '../../contract/store-schemas.ts';
import type { Person } from '../../contract/store-schemas.ts';
import { parseJsonText, parseOrExplain } from '../../contract/validate.ts';
import { useRuntimeConfig } from '../config/config-context.tsx';

export type { Person };

const TIMEOUT_MS = 5000;

/** The store could not say who is signed in: it did not answer, or not usably. */
export class SessionUnknown extends Error {}

export const sessionKeys = {
  current: (storeBaseUrl: string) => ['war-room-session', storeBaseUrl] as const,
};

async function call(url: string, init: RequestInit): Promise<Response | null> {
  try {
    // same-origin: the cookie goes with the request, and only to the war room's own server.
    return await fetch(url, {
      credentials: 'same-origin',
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      ...init,
    });
  } catch {
    return null;
  }
}

function detailOf(text: string): string | null {
  const json = parseJsonText(text, 'problem');
  const problem = json.ok ? problemSchema.safeParse(json.value) : null;
  return problem?.success ? problem.data.detail : null;
}

function personOf(text: string): { ok: true; value: Person } | { ok: false; error: string } {
  const json = parseJsonText(text, 'session');
  return json.ok ? parseOrExplain(personSchema, json.value, 'session') : json;
}

/** The signed-in person; null when nobody is; throws SessionUnknown when the store cannot say. */
export async function fetchSession(storeBaseUrl: string): Promise<Person | null> {
  const response = await call(`${storeBaseUrl}/session`, {});
  if (!response) throw new SessionUnknown('the war-room store is unreachable');
  if (response.status === 401) return null;
  if (!response.ok) throw new SessionUnknown(`the war-room store answered HTTP ${response.status}`);
  const person = personOf(await response.text());
  if (!person.ok) throw new SessionUnknown(person.error);
  return person.value;
}

export const sessionQueries = {
  /**
   * A failed ask keeps the last answer in the cache (the query's data outlives its error): the
   * store going down must not sign anyone out of the screen. Asked again on focus, every minute,
   * and every 5 s while the store cannot say.
   */
  current: (storeBaseUrl: string) =>
    queryOptions({
      queryKey: sessionKeys.current(storeBaseUrl),
      queryFn: () => fetchSession(storeBaseUrl),
      staleTime: 30_000,
      retry: false,
      refetchOnWindowFocus: true,
      refetchInterval: (query) => (query.state.status === 'error' ? 5_000 : 60_000),
    }),
};

export interface WarRoomSession {
  /** Who is signed in, as the store last said; null when nobody is (or nobody is known yet). */
  person: Person | null;
  /** The store has answered at least once. */
  known: boolean;
  /** The store does not answer now: `person` is the last known one. */
  unreachable: string | null;
}

export function useWarRoomSession(): WarRoomSession {
  const { storeBaseUrl } = useRuntimeConfig();
  const query = useQuery(sessionQueries.current(storeBaseUrl));
  return {
    person: query.data ?? null,
    known: query.data !== undefined,
    unreachable: query.isError ? query.error.message : null,
  };
}

export type SignInResult = { ok: true; person: Person } | { ok: false; error: string };

/** Signs in at the store; on success the cache holds the person, and the cookie is set. */
export async function signIn(
  queryClient: QueryClient,
  storeBaseUrl: string,
  name: string,
  password: string,
): Promise<SignInResult> {
  if (name.trim() === '' || password === '') return { ok: false, error: 'Give your name and password.' };
  const response = await call(`${storeBaseUrl}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: name.trim(), password }),
  });
  if (!response) return { ok: false, error: 'The war-room store did not answer; try again.' };
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    const detail = detailOf(text) ?? `HTTP ${response.status}`;
    return { ok: false, error: `Not signed in: ${detail}.` };
  }
  const person = personOf(text);
  if (!person.ok) return { ok: false, error: person.error };
  await queryClient.cancelQueries({ queryKey: sessionKeys.current(storeBaseUrl) });
  queryClient.setQueryData(sessionKeys.current(storeBaseUrl), person.value);
  return { ok: true, person: person.value };
}

/** Signs out at the store; only once the store has ended the session does the screen say so. */
export async function signOut(
  queryClient: QueryClient,
  storeBaseUrl: string,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const response = await call(`${storeBaseUrl}/session`, { method: 'DELETE' });
  if (!response || !response.ok)
    return {
      ok: false,
      error: response
        ? `Not signed out: the war-room store answered HTTP ${response.status}.`
        : 'Not signed out: the war-room store did not answer; try again.',
    };
  await queryClient.cancelQueries({ queryKey: sessionKeys.current(storeBaseUrl) });
  queryClient.setQueryData(sessionKeys.current(storeBaseUrl), null);
  return { ok: true };
}

/** Asks the store again who is signed in (after a server refused the session, say). */
export function sessionDoubted(queryClient: QueryClient, storeBaseUrl: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: sessionKeys.current(storeBaseUrl) });
}

/** Sign in and out from a component. */
export function useSessionActions() {
  const queryClient = useQueryClient();
  const { storeBaseUrl } = useRuntimeConfig();
  return useMemo(
    () => ({
      signIn: (name: string, password: string) => signIn(queryClient, storeBaseUrl, name, password),
      signOut: () => signOut(queryClient, storeBaseUrl),
    }),
    [queryClient, storeBaseUrl],
  );
}

/** The signed-in person as the cache holds it, for code outside React (who acts, in a record). */
export function cachedPerson(queryClient: QueryClient, storeBaseUrl: string): Person | null {
  return queryClient.getQueryData<Person | null>(sessionKeys.current(storeBaseUrl)) ?? null;
}

let readPerson: () => Person | null = () => null;

/**
 * Lets code outside React (the war-room writes, naming who acts) read who is signed in from the
 * dashboard's query cache: no copy is kept. Bound by the controls provider; returns the unbinding.
 */
export function bindSessionReader(queryClient: QueryClient, storeBaseUrl: string): () => void {
  const read = () => cachedPerson(queryClient, storeBaseUrl);
  readPerson = read;
  return () => {
    if (readPerson === read) readPerson = () => null;
  };
}

/** Who is signed in, as the bound query cache says; null when nobody is or nothing is bound. */
export const signedInPerson = (): Person | null => readPerson();
