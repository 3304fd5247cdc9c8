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
  test('the simulator model stays pure', () => {
    expect(violation(file('sim/model/simulator.ts'), 'node:http')).toMatch(/pure/);
    expect(violation(file('sim/model/simulator.ts'), '../host/server.ts')).toMatch(/only itself/);
    expect(violation(file('sim/model/simulator.ts'), '../../contract/generated/openapi.ts')).toBeNull();
  });
});
