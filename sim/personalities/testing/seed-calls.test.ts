import { describe, expect, test } from 'vitest';
import { seedCalls } from './seed-calls.ts';

describe('seedCalls', () => {
  test('reads method, headers and body as curl takes them, across continued lines', () => {
    const text = [
      'curl -X POST http://localhost:3003/api/emergency/halt-all \\',
      '  -H "Authorization: Bearer ${TOKEN}"',
      'curl -X PUT http://localhost:8080/api/v1/config -d \'{"a": 1}\'',
      'curl -I https://api.binance.com/api/v3/ping',
      "curl -s http://localhost:3001/health | jq '.'",
    ].join('\n');
    expect(seedCalls(text, { '${TOKEN}': 'tok' })).toEqual([
      {
        method: 'POST',
        host: 'localhost:3003',
        target: '/api/emergency/halt-all',
        headers: { authorization: 'Bearer tok' },
        written: 'http://localhost:3003/api/emergency/halt-all',
      },
      {
        method: 'PUT',
        host: 'localhost:8080',
        target: '/api/v1/config',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: '{"a": 1}',
        written: 'http://localhost:8080/api/v1/config',
      },
      {
        method: 'HEAD',
        host: 'api.binance.com',
        target: '/api/v3/ping',
        headers: {},
        written: 'https://api.binance.com/api/v3/ping',
      },
      {
        method: 'GET',
        host: 'localhost:3001',
        target: '/health',
        headers: {},
        written: 'http://localhost:3001/health',
      },
    ]);
  });

  test('an unquoted & ends the command, as the shell sends it; a quoted one does not', () => {
    const calls = seedCalls(
      'curl http://localhost:9090/q?query=up&start=$(date)&step=60s\ncurl "http://localhost:1/a?x=1&y=2"',
    );
    expect(calls.map((c) => c.target)).toEqual(['/q?query=up', '/a?x=1&y=2']);
  });
});
