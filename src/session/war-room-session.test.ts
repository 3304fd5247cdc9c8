import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { server } from '../testing/msw-server.ts';
import { webStorageText } from '../testing/war-room-session.ts';
import {
  SessionUnknown,
  bindSessionReader,
  cachedPerson,
  fetchSession,
  sessionKeys,
  signIn,
  signOut,
  signedInPerson,
} from './war-room-session.ts';

const base = '/warroom/v1';
const dana = { name: 'dana', role: 'commander' } as const;
const problem = (status: number, detail: string) =>
  HttpResponse.json({ title: 'x', status, detail }, { status });

afterEach(() => vi.restoreAllMocks());

describe('who is signed in to the war room', () => {
  test('the store says who, or nobody; a store that cannot say is not taken for "nobody"', async () => {
    server.use(http.get(`${base}/session`, () => HttpResponse.json(dana)));
    expect(await fetchSession(base)).toEqual(dana);
    server.use(http.get(`${base}/session`, () => problem(401, 'nobody is signed in')));
    expect(await fetchSession(base)).toBeNull();
    for (const answer of [
      () => HttpResponse.error(),
      () => problem(503, 'database busy'),
      () => HttpResponse.json({ name: 'dana', role: 'admin' }),
    ]) {
      server.use(http.get(`${base}/session`, answer));
      await expect(fetchSession(base)).rejects.toBeInstanceOf(SessionUnknown);
    }
  });

  test('signing in posts the name and password once; the cache holds the person, web storage nothing', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    let sent: unknown = null;
    server.use(
      http.post(`${base}/session`, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(dana);
      }),
    );
    const client = new QueryClient();
    expect(await signIn(client, base, ' dana ', 'a long passphrase')).toEqual({ ok: true, person: dana });
    expect(sent).toEqual({ name: 'dana', password: 'a long passphrase' });
    expect(client.getQueryData(sessionKeys.current(base))).toEqual(dana);
    expect(webStorageText()).not.toContain('a long passphrase');
    expect(setItem).not.toHaveBeenCalled();
  });

  test("a refusal says the store's reason; nothing is asked without a name and password", async () => {
    const client = new QueryClient();
    expect(await signIn(client, base, 'dana', '')).toEqual({
      ok: false,
      error: 'Give your name and password.',
    });
    server.use(http.post(`${base}/session`, () => problem(429, 'too many failed sign-ins for this name')));
    expect(await signIn(client, base, 'dana', 'guess')).toEqual({
      ok: false,
      error: 'Not signed in: too many failed sign-ins for this name.',
    });
    server.use(http.post(`${base}/session`, () => HttpResponse.error()));
    expect(await signIn(client, base, 'dana', 'guess')).toEqual({
      ok: false,
      error: 'The war-room store did not answer; try again.',
    });
    expect(client.getQueryData(sessionKeys.current(base))).toBeUndefined();
  });

  test('signing out is done only once the store has ended the session', async () => {
    const client = new QueryClient();
    client.setQueryData(sessionKeys.current(base), dana);
    server.use(http.delete(`${base}/session`, () => HttpResponse.error()));
    expect(await signOut(client, base)).toEqual({
      ok: false,
      error: 'Not signed out: the war-room store did not answer; try again.',
    });
    expect(cachedPerson(client, base)).toEqual(dana);
    server.use(http.delete(`${base}/session`, () => new HttpResponse(null, { status: 204 })));
    expect(await signOut(client, base)).toEqual({ ok: true });
    expect(cachedPerson(client, base)).toBeNull();
  });

  test('code outside React reads the person from the bound cache, and nothing once unbound', () => {
    const client = new QueryClient();
    const unbind = bindSessionReader(client, base);
    expect(signedInPerson()).toBeNull();
    client.setQueryData(sessionKeys.current(base), dana);
    expect(signedInPerson()).toEqual(dana);
    unbind();
    expect(signedInPerson()).toBeNull();
  });
});
