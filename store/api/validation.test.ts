import { describe, expect, test } from 'vitest';
import { TEST_TIMEOUT_MS, call, declaration, declare, storeFactory, write } from '../test-support.ts';

const startStore = storeFactory();

describe('validation: 4xx problems a person can act on', { timeout: TEST_TIMEOUT_MS }, () => {
  test.for([
    [
      'a title over 200 characters',
      declaration({ title: 'x'.repeat(201) }),
      'incident declaration: title: expected at most 200 characters, got 201 characters',
    ],
    [
      'a severity outside the scheme',
      declaration({ severityScheme: 'P1-P4', severity: 'P0' }),
      'incident declaration: severity: P0 is not a severity of the P1-P4 scheme; use one of P1, P2, P3, P4',
    ],
    [
      'a severity of no scheme',
      { ...declaration(), severity: 'critical' },
      'incident declaration: severity: expected one of P0, P1, P2, P3, P4, SEV1, SEV2, SEV3, SEV4, got "critical"',
    ],
    [
      'an unknown type',
      { ...declaration(), type: 'gremlins' },
      'incident declaration: type: expected one of exchange-outage, market-data, system-crash, performance-degradation, error-storm, risk-alert, database, messaging-backlog, connectivity, security-breach, data-loss, other, got "gremlins"',
    ],
    [
      'a missing actor and a venue list of the wrong type',
      { ...declaration(), actor: undefined, affectedVenues: 'xnas' },
      'incident declaration: affectedVenues: expected an array, got "xnas"; actor: missing, expected a string',
    ],
  ] as const)('declaring with %s', async ([, body, detail]) => {
    const store = await startStore();
    const answer = await write(store.api('/incidents'), 'POST', body);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(answer.body).toEqual({ title: 'Bad Request', status: 400, detail });
  });

  test('an unknown status, a long note, a bad role', async () => {
    const store = await startStore();
    const { id } = await declare(store);
    const status = await write(store.api(`/incidents/${id}/status`), 'POST', { status: 'FIXED', actor: 'a' });
    expect(status.body).toMatchObject({
      status: 400,
      detail:
        'status change: status: expected one of INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED, got "FIXED"',
    });
    const note = await write(store.api(`/incidents/${id}/notes`), 'POST', {
      text: 'n'.repeat(10_001),
      actor: 'a',
    });
    expect(note.body).toMatchObject({
      status: 400,
      detail: 'note: text: expected at most 10000 characters, got 10001 characters',
    });
    const role = await write(store.api(`/incidents/${id}/roles/boss`), 'PUT', { person: 'x', actor: 'a' });
    expect(role.body).toMatchObject({
      status: 400,
      detail: '"boss" is not a role; the roles are commander, scribe, communications',
    });
  });

  test('a body that is not JSON, or not sent as JSON', async () => {
    const store = await startStore();
    const broken = await write(store.api('/incidents'), 'POST', '{"title": "half');
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({
      detail: expect.stringMatching(/^incident declaration: not valid JSON \(/),
    });
    const empty = await write(store.api('/incidents'), 'POST', '');
    expect(empty.body).toMatchObject({
      status: 400,
      detail: 'incident declaration: empty body, expected JSON',
    });
    const text = await write(store.api('/incidents'), 'POST', JSON.stringify(declaration()), {
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject({
      detail: expect.stringContaining('content-type: application/json (got text/plain)'),
    });
  });

  test('a body over 256 KB is a 413', async () => {
    const store = await startStore();
    const answer = await write(store.api('/incidents'), 'POST', {
      ...declaration(),
      padding: 'p'.repeat(300_000),
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({
      detail: expect.stringMatching(/takes at most 262144 bytes \(256 KB\)/),
    });
    expect((await call(store.api('/incidents'))).body).toMatchObject({ incidents: [] });
  });

  test('unknown incidents are 404; unknown routes 404; wrong methods 405 with Allow', async () => {
    const store = await startStore();
    for (const id of ['INC-7', 'INC-0', 'nonsense', 'INC-1%20'])
      expect((await call(store.api(`/incidents/${id}`))).status).toBe(404);
    const ack = await write(store.api('/incidents/INC-7/acknowledge'), 'POST', { actor: 'a' });
    expect(ack.body).toEqual({ title: 'Not Found', status: 404, detail: 'there is no incident INC-7' });
    expect((await call(store.api('/incidentz'))).body).toMatchObject({ status: 404 });
    expect((await call(store.url('/warroom/v2/incidents'))).status).toBe(404);
    const wrong = await call(store.api('/incidents'), { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, POST');
    expect(wrong.body).toMatchObject({ detail: '/warroom/v1/incidents takes GET, POST, not DELETE' });
  });

  test('query parameters are checked', async () => {
    const store = await startStore();
    expect((await call(store.api('/changes'))).body).toMatchObject({
      status: 400,
      detail: 'the query parameter `after` is required',
    });
    expect((await call(store.api('/changes?after=-1'))).body).toMatchObject({
      detail: '`after` must be an integer at least 0, got "-1"',
    });
    expect((await call(store.api('/audit?limit=5000'))).body).toMatchObject({
      detail: '`limit` must be an integer from 1 to 1000, got "5000"',
    });
    expect((await call(store.api('/incidents?status=closed'))).body).toMatchObject({
      detail: '`status` must be one of open, resolved, all, got "closed"',
    });
  });
});
