import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, test } from 'vitest';
import { server } from '../testing/msw-server.ts';
import { currentSession, signIn, signedOut } from './operator-session.ts';

const base = '/api/v1';
afterEach(() => signedOut());

describe('the operator session', () => {
  test('a valid token is checked with the trading system and kept for this tab only', async () => {
    server.use(
      http.get(`${base}/operator`, ({ request }) =>
        request.headers.get('authorization') === 'Bearer good-token-1'
          ? HttpResponse.json({ operator: 'alice', controls: ['halt', 'kill-switch'] })
          : HttpResponse.json(
              { title: 'Unauthorized', status: 401, detail: 'unknown token' },
              { status: 401 },
            ),
      ),
    );
    expect(await signIn(base, ' good-token-1 ')).toMatchObject({ ok: true, session: { operator: 'alice' } });
    expect(currentSession()).toEqual({
      token: 'good-token-1',
      operator: 'alice',
      controls: ['halt', 'kill-switch'],
    });
    expect(JSON.parse(sessionStorage.getItem('warroom.operator-session')!)).toMatchObject({
      operator: 'alice',
    });
    expect(localStorage.length).toBe(0);
    expect(window.location.href).not.toContain('good-token-1');

    expect(await signIn(base, 'wrong-token-2')).toEqual({
      ok: false,
      error: 'The trading system does not know this token.',
    });
    signedOut();
    expect(currentSession()).toBeNull();
    expect(sessionStorage.getItem('warroom.operator-session')).toBeNull();
  });

  test('a short token is refused before anything is sent', async () => {
    expect(await signIn(base, 'short')).toEqual({ ok: false, error: 'A token has at least 8 characters.' });
  });

  test('an unreachable trading system is said so', async () => {
    server.use(http.get(`${base}/operator`, () => HttpResponse.error()));
    expect(await signIn(base, 'good-token-1')).toEqual({
      ok: false,
      error: 'The trading system did not answer; try again.',
    });
  });
});
