import { describe, expect, test } from 'vitest';
import { changePageSchema, incidentListSchema } from '../../contract/store-schemas.ts';
import { TEST_TIMEOUT_MS, call, declaration, declare, storeFactory, write } from '../test-support.ts';
import type { TestStore } from '../test-support.ts';

const startStore = storeFactory();

const counts = async (store: TestStore) => ({
  incidents: incidentListSchema.parse((await call(store.api('/incidents'))).body).incidents.length,
  changes: changePageSchema.parse((await call(store.api('/changes?after=0'))).body).changes.length,
});

describe('idempotent writes', { timeout: TEST_TIMEOUT_MS }, () => {
  test('a repeat with the same key and body gets the first answer again and writes nothing', async () => {
    const store = await startStore();
    const first = await write(store.api('/incidents'), 'POST', declaration(), { key: 'offline-queue-0001' });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const before = await counts(store);

    // The same body with its keys in another order and other spacing is the same request.
    const reordered = `{ "actor": "dana", ${JSON.stringify(declaration()).slice(1)}`;
    for (const body of [declaration(), reordered]) {
      const repeat = await write(store.api('/incidents'), 'POST', body, { key: 'offline-queue-0001' });
      expect(repeat.status).toBe(201);
      expect(repeat.text).toBe(first.text);
      expect(repeat.headers.get('idempotent-replayed')).toBe('true');
    }
    expect(await counts(store)).toEqual(before);
  });

  test('the same key with another body, or on another path, is a 409 that says so; nothing is written', async () => {
    const store = await startStore();
    await write(store.api('/incidents'), 'POST', declaration(), { key: 'key-used-once' });
    const before = await counts(store);
    const other = await write(store.api('/incidents'), 'POST', declaration({ title: 'Something else' }), {
      key: 'key-used-once',
    });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({
      title: 'Conflict',
      detail: expect.stringMatching(
        /^the Idempotency-Key "key-used-once" was already used at .+ for POST \/warroom\/v1\/incidents with a different body: send a new key/,
      ),
    });
    const elsewhere = await write(
      store.api('/incidents/INC-1/notes'),
      'POST',
      { text: 'x', actor: 'a' },
      {
        key: 'key-used-once',
      },
    );
    expect(elsewhere.status).toBe(409);
    expect(await counts(store)).toEqual(before);
  });

  test('a refusal is recorded too: its repeat answers the same even when the state has moved on', async () => {
    const store = await startStore();
    const { id } = await declare(store);
    const status = (to: string, key: string) =>
      write(store.api(`/incidents/${id}/status`), 'POST', { status: to, actor: 'ana' }, { key });
    const moved = await status('MONITORING', 'status-key-1');
    const refused = await status('IDENTIFIED', 'status-key-2');
    expect(refused.status).toBe(409);
    await status('RESOLVED', 'status-key-3');
    await status('INVESTIGATING', 'status-key-4');
    // Now IDENTIFIED would be allowed, and MONITORING would be a new move: neither happens again.
    const again = await status('IDENTIFIED', 'status-key-2');
    expect([again.status, again.text]).toEqual([409, refused.text]);
    const replayed = await status('MONITORING', 'status-key-1');
    expect([replayed.status, replayed.text]).toEqual([200, moved.text]);
    const current = (await call(store.api(`/incidents/${id}`))).body;
    expect(current).toMatchObject({ status: 'INVESTIGATING' });
  });

  test('the same request sent many times at once is written once', async () => {
    const store = await startStore();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        write(store.api('/incidents'), 'POST', declaration(), { key: 'burst-key-1' }),
      ),
    );
    expect(new Set(answers.map((a) => `${a.status} ${a.text}`)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect((await counts(store)).incidents).toBe(1);
  });

  test.for([
    [null, /^every write needs an Idempotency-Key header: 8 to 128 visible ASCII characters/],
    ['short', /^the Idempotency-Key header is 5 characters long .*; it must be 8 to 128/],
    ['has a space inside', /^the Idempotency-Key header is 18 characters long or has spaces/],
    ['k'.repeat(129), /^the Idempotency-Key header is 129 characters long/],
  ] as const)('key %s is refused with 400 and nothing is written', async ([key, detail]) => {
    const store = await startStore();
    const answer = await write(store.api('/incidents'), 'POST', declaration(), { key });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      title: 'Bad Request',
      status: 400,
      detail: expect.stringMatching(detail),
    });
    expect((await counts(store)).incidents).toBe(0);
  });
});
