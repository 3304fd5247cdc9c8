import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { simStateSchema, snapshotSchema } from '../../contract/schemas.ts';
import { serviceProcessFactory } from '../../http-kit/testing/process.ts';
import { TEST_TIMEOUT_MS, openStream, readSseMessages, request, sseReader } from './test-support.ts';

const runCli = serviceProcessFactory({
  name: 'simulator',
  main: fileURLToPath(new URL('./main.ts', import.meta.url)),
  // No port from the environment: every test says which port it wants.
  env: { ...process.env, WARROOM_SIM_PORT: undefined },
});

describe('node sim/host/main.ts', { timeout: TEST_TIMEOUT_MS }, () => {
  test('with --port 0, prints the port it bound and serves the API there; SIGTERM ends it cleanly', async () => {
    const cli = runCli([
      '--port',
      '0',
      '--seed',
      '7',
      '--speed',
      '20',
      '--drill',
      '--scenario',
      'error-storm',
    ]);
    const port = await cli.port();
    expect(port).toBeGreaterThan(0);
    expect(cli.stdout()).toContain(`listening on http://127.0.0.1:${port} (seed 7, drill mode)`);

    const status = await request(`http://127.0.0.1:${port}/api/v1/status`);
    expect(status.status).toBe(200);
    expect(snapshotSchema.parse(status.body).system.environment).toBe('drill');
    const state = simStateSchema.parse((await request(`http://127.0.0.1:${port}/__sim/state`)).body);
    expect(state).toMatchObject({ seed: 7, speed: 20, scenarios: ['normal', 'error-storm'] });

    // An open stream must not keep the process alive.
    const stream = await openStream(`http://127.0.0.1:${port}/api/v1/stream`);
    await readSseMessages(stream, 1);
    cli.child.kill('SIGTERM');
    expect(await cli.exited()).toEqual({ code: 0, signal: null });
    await sseReader(stream).ended();
    expect(cli.stderr()).toBe('');
  });

  test.for([
    [['--seed', '-1'], '--seed must be an integer ≥ 0, got "-1"'],
    [['--seed=-1'], '--seed must be an integer ≥ 0, got "-1"'],
    [['--seed', 'abc'], '--seed must be an integer ≥ 0, got "abc"'],
    [['--speed', '0'], '--speed must be in (0, 1000], got "0"'],
    [['--scenario', 'nope'], 'unknown scenario "nope"'],
    [['--port', '70000'], '--port must be a port number, got "70000"'],
    [['--bogus'], "Unknown option '--bogus'"],
    [
      ['--operator', 'only-a-secret-value'],
      '--operator must be NAME:TOKEN or NAME:TOKEN:control,control; the value given has no ":"',
    ],
    [['--operator', 'alice:short'], 'operator "alice": the token must be 8 to 256 characters, got 5'],
    [
      ['--operator', 'alice:s3cret-token-1:halt,nuke'],
      'operator "alice": unknown control "nuke" (offered: kill-switch, halt, resume, reduce-positions, venue-cancel-all, venue-disable, venue-reconnect)',
    ],
    [
      ['--operator', 'alice:s3cret-token-1:maintenance-mode'],
      'operator "alice": the simulator does not offer maintenance-mode (offered: kill-switch, halt, resume, reduce-positions, venue-cancel-all, venue-disable, venue-reconnect)',
    ],
    [
      ['--operator', 'alice:s3cret-token-1', '--operator', 'alice:s3cret-token-2'],
      'operator "alice" is given twice',
    ],
    [['--operator'], "Option '--operator <value>' argument missing"],
  ] as const)('%s exits non-zero with a one-line message', async ([args, message]) => {
    const cli = runCli(['--port', '0', ...args]);
    const { code } = await cli.exited();
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(cli.stderr()).toBe(`simulator: ${message}\n`);
    expect(cli.stdout()).not.toContain('listening');
  });

  test('bad --operator values exit with code 2 and never print the token', async () => {
    const cli = runCli(['--port', '0', '--operator', 'alice:s3cret-token-1:nuke']);
    expect((await cli.exited()).code).toBe(2);
    expect(cli.stderr()).toContain('unknown control "nuke"');
    expect(cli.stderr()).not.toContain('s3cret-token-1');
  });

  test('--operator NAME:TOKEN[:controls]: the operators can send controls; their tokens are not printed', async () => {
    const cli = runCli([
      '--port',
      '0',
      '--operator',
      'commander:c0mmander-token-xyz',
      '--operator',
      'viewer:v1ewer-token-xyz:halt',
    ]);
    const port = await cli.port();
    await cli.printed('operators:');
    expect(cli.stdout()).toContain('operators: commander (every offered control), viewer (halt)');
    const send = (token: string) =>
      request(`http://127.0.0.1:${port}/api/v1/controls/kill-switch`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'idempotency-key': 'cli-test-key-1',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ reason: 'cli test' }),
      });
    expect((await send('v1ewer-token-xyz')).status).toBe(403);
    expect((await send('c0mmander-token-xyz')).status).toBe(202);
    cli.child.kill('SIGTERM');
    await cli.exited();
    expect(cli.stdout() + cli.stderr()).not.toMatch(/c0mmander-token|v1ewer-token/);
  });

  test('operators can come from WARROOM_SIM_OPERATORS, keeping tokens out of the process list', async () => {
    const withEnv = serviceProcessFactory({
      name: 'simulator',
      main: fileURLToPath(new URL('./main.ts', import.meta.url)),
      env: {
        ...process.env,
        WARROOM_SIM_PORT: undefined,
        WARROOM_SIM_OPERATORS: 'envop:env-token-abc123;ro:ro-token-abc123:halt',
      },
    });
    const cli = withEnv(['--port', '0']);
    await cli.port();
    await cli.printed('operators:');
    expect(cli.stdout()).toContain('operators: envop (every offered control), ro (halt)');
    cli.child.kill('SIGTERM');
    await cli.exited();
    expect(cli.stdout() + cli.stderr()).not.toMatch(/env-token|ro-token/);
  });
});
