import { expect, test } from 'vitest';
import { newCommand } from '../../controls/command-machine.ts';
import { fallbackCommand } from './fallback-command.ts';

test('the fallback command repeats the request with the same key and never contains the token', () => {
  const command = newCommand({
    key: 'a3f1c2d4-0000-4000-8000-000000000001',
    controlId: 'venue-cancel-all',
    scope: { venueId: 'binance' },
    reason: "INC-7: Binance's feed is silent",
    now: 0,
    deadlineMs: 3000,
  });
  const text = fallbackCommand(command, '/api/v1', 'http://127.0.0.1:4310');
  expect(text).toContain("curl -X POST 'http://127.0.0.1:4310/api/v1/controls/venue-cancel-all'");
  expect(text).toContain("-H 'Idempotency-Key: a3f1c2d4-0000-4000-8000-000000000001'");
  expect(text).toContain('$WARROOM_OPERATOR_TOKEN');
  // A quote in the reason cannot break out of the shell string.
  expect(text).toContain(`-d '{"reason":"INC-7: Binance'\\''s feed is silent","venueId":"binance"}'`);
});
