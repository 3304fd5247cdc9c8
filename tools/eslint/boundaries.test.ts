import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { violation } from './boundaries.js';

const root = path.resolve(import.meta.dirname, '../..');
const file = (p: string) => path.join(root, p);

describe('import boundaries', () => {
  test('production dashboard code may not import the simulator or msw', () => {
    expect(violation(file('src/live/stream-client.ts'), '../../sim/model/simulator.ts')).toMatch(/sim\//);
    expect(violation(file('src/app/main.tsx'), 'msw/browser')).toMatch(/msw/);
  });
  test('tests beside the code may use the simulator and msw', () => {
    expect(violation(file('src/live/stream-client.test.ts'), '../../sim/model/simulator.ts')).toBeNull();
    expect(violation(file('src/live/stream-client.test.ts'), 'msw')).toBeNull();
  });
  test('a feature may not import another feature, but may import itself and shared code', () => {
    expect(violation(file('src/features/board/board.tsx'), '../controls/control-bar.tsx')).toMatch(
      /feature "board" must not import feature "controls"/,
    );
    expect(violation(file('src/features/board/board.tsx'), './venue-grid.tsx')).toBeNull();
    expect(violation(file('src/features/board/board.tsx'), '../../live/use-live-status.ts')).toBeNull();
  });
  test('shared code may not import features', () => {
    expect(violation(file('src/live/use-live-status.ts'), '../features/board/board.tsx')).toMatch(/shared/);
  });
  test('the shared layers are ordered: each imports only itself and the layers below it', () => {
    expect(violation(file('src/controls/command-center.ts'), '../warroom/writes.ts')).toBeNull();
    expect(violation(file('src/warroom/actor.ts'), '../session/operator.ts')).toBeNull();
    expect(violation(file('src/live/status-query.ts'), '../systems/system-scope.tsx')).toBeNull();
    expect(violation(file('src/warroom/actor.ts'), '../controls/operator-session.ts')).toMatch(
      /shared layer "warroom" must not import "controls", which is above it/,
    );
    expect(violation(file('src/systems/system-scope.tsx'), '../live/status-query.ts')).toMatch(
      /shared layer "systems" must not import "live"/,
    );
    expect(violation(file('src/lib/format.ts'), '../config/config-context.tsx')).toMatch(/above it/);
    // Tests compose the layers as they need.
    expect(violation(file('src/warroom/outbox.test.ts'), '../controls/registry.ts')).toBeNull();
  });
  test("production dashboard code may not import the Node services' plumbing", () => {
    expect(violation(file('src/live/stream-client.ts'), '../../http-kit/sse.ts')).toMatch(/http-kit\//);
    expect(violation(file('src/app/app.tsx'), '../../http-kit/testing/request.ts')).toMatch(/http-kit\//);
  });
  test('the services may import http-kit; http-kit imports nothing of theirs', () => {
    expect(violation(file('sim/host/sse.ts'), '../../http-kit/sse.ts')).toBeNull();
    expect(violation(file('store/feed/sse.ts'), '../../http-kit/sse.ts')).toBeNull();
    expect(violation(file('http-kit/testing/process.ts'), './wait.ts')).toBeNull();
    expect(violation(file('http-kit/testing/process.ts'), 'node:child_process')).toBeNull();
    expect(violation(file('http-kit/body.ts'), '../store/http/respond.ts')).toMatch(
      /http-kit depends on nothing/,
    );
    expect(violation(file('http-kit/testing/request.ts'), '../../sim/host/test-support.ts')).toMatch(
      /http-kit depends on nothing/,
    );
  });
  test('the simulator model stays pure', () => {
    expect(violation(file('sim/model/simulator.ts'), 'node:http')).toMatch(/pure/);
    expect(violation(file('sim/model/simulator.ts'), '../../http-kit/sse.ts')).toMatch(/no http-kit/);
    expect(violation(file('sim/model/scenarios.ts'), '../../contract/schemas.ts')).toBeNull();
    expect(violation(file('sim/model/simulator.ts'), '../host/server.ts')).toMatch(/only itself/);
    expect(violation(file('sim/model/simulator.ts'), '../../contract/generated/openapi.ts')).toBeNull();
  });
});
