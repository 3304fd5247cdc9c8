import { expect, test } from 'vitest';
import { newCommand } from '../../controls/command-machine.ts';
import { fallbackCommand } from './fallback-command.ts';

test('the fallback command signs in, then repeats the request with the same key; no password in it', () => {
  const command = newCommand({
    key: 'a3f1c2d4-0000-4000-8000-000000000001',
    controlId: 'venue-cancel-all',
    scope: { venueId: 'binance' },
    reason: "INC-7: Binance's feed is silent",
    now: 0,
    deadlineMs: 3000,
  });
  const text = fallbackCommand(command, '/api/v1', 'http://127.0.0.1:4310/incidents', {
    storeBaseUrl: '/warroom/v1',
    name: 'dana',
  });
  const [signIn = '', send = ''] = text.split('\ncurl -X POST');
  expect(signIn).toBe(
    [
      "curl -c warroom.cookies 'http://127.0.0.1:4310/warroom/v1/session'",
      "-H 'Origin: http://127.0.0.1:4310'",
      "-H 'content-type: application/json'",
      `-d '{"name":"dana","password":"'"$WARROOM_PASSWORD"'"}'`,
    ].join(' \\\n  '),
  );
  expect(send).toContain(" -b warroom.cookies 'http://127.0.0.1:4310/api/v1/controls/venue-cancel-all'");
  expect(send).toContain("-H 'Origin: http://127.0.0.1:4310'");
  expect(send).toContain("-H 'Idempotency-Key: a3f1c2d4-0000-4000-8000-000000000001'");
  expect(text).not.toMatch(/Authorization|TOKEN/);
  // A quote in the reason cannot break out of the shell string.
  expect(text).toContain(`-d '{"reason":"INC-7: Binance'\\''s feed is silent","venueId":"binance"}'`);
});
