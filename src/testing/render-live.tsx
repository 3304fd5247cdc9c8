import { act, render } from '@testing-library/react';
import type { HttpHandler } from 'msw';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { ManualClock } from '../../sim/model/clock.ts';
import { Simulator } from '../../sim/model/simulator.ts';
import type { ScenarioStart } from '../../sim/model/simulator.ts';
import type { OperatorSpec } from '../../sim/api/operators.ts';
import { simHandlers } from '../../sim/msw/handlers.ts';
import { AppProviders } from '../app/providers.tsx';
import type { RuntimeConfig } from '../config/runtime-config.ts';
import { thresholdPresets } from '../config/thresholds.ts';
import { useLiveStream } from '../live/use-live-stream.ts';
import { FakeEventSource } from './fake-event-source.ts';
import { server } from './msw-server.ts';
import { installSimStream } from './sim-stream.ts';

export const testConfig: RuntimeConfig = {
  apiBaseUrl: '/api/v1',
  systemsUrl: '/api/systems',
  staleAfterMs: 300,
  fallbackPollMs: 1000,
  thresholds: thresholdPresets.rtes,
  systems: {},
  storeBaseUrl: '/warroom/v1',
  controls: { holdMs: 600, confirmDeadlineMs: 3000, requestTimeoutMs: 4000 },
};

/** A simulator on a manual clock, warmed up so it has metric windows, optionally with scenarios. */
export function makeSim(
  opts: {
    seed?: number;
    scenarios?: ScenarioStart[];
    warmupMs?: number;
    environment?: 'simulator' | 'drill';
  } = {},
) {
  const clock = new ManualClock(Date.now());
  const sim = new Simulator({
    seed: opts.seed ?? 3,
    clock,
    instance: 'life-1',
    environment: opts.environment,
  });
  clock.advance(opts.warmupMs ?? 3000);
  sim.tick();
  for (const scenario of opts.scenarios ?? []) sim.startScenario(scenario);
  return { sim, clock };
}

function LiveStream() {
  useLiveStream();
  return null;
}

/**
 * Renders part of the board with the real live stack behind it, mocked only at the network
 * edge: either the simulator model (msw for the polling half, the scripted EventSource for the
 * stream) or hand-made handlers for payloads the model never sends (malformed, contract-breaking).
 * Undo the EventSource stub with vi.unstubAllGlobals() in afterEach.
 */
export function renderLive(
  ui: ReactNode,
  opts: {
    sim?: ReturnType<typeof makeSim>;
    handlers?: HttpHandler[];
    config?: Partial<RuntimeConfig>;
    /** Operators the simulated trading system knows (for the controls). */
    operators?: readonly OperatorSpec[];
    /** The caller installed the EventSource (several systems' streams): leave it alone. */
    keepStream?: boolean;
  } = {},
) {
  const config = { ...testConfig, ...opts.config };
  let stream: { dropAll(): void } | null = null;
  if (opts.sim) {
    server.use(...simHandlers({ sim: opts.sim.sim, baseUrl: config.apiBaseUrl, operators: opts.operators }));
    stream = installSimStream(opts.sim.sim);
  } else if (!opts.keepStream) {
    // No model: the stream is refused at once, so the client lives on polling the handlers.
    class RefusedEventSource extends FakeEventSource {
      constructor(url: string) {
        super(url);
        setTimeout(() => this.fail(), 0);
      }
    }
    FakeEventSource.reset();
    vi.stubGlobal('EventSource', RefusedEventSource);
  }
  if (opts.handlers) server.use(...opts.handlers);
  const result = render(
    <AppProviders config={config}>
      <LiveStream />
      {ui}
    </AppProviders>,
  );
  return {
    ...result,
    /** Simulated time passes: the model emits and the stream delivers. */
    advance(ms: number) {
      if (!opts.sim) throw new Error('advance() needs a simulator');
      const { sim, clock } = opts.sim;
      act(() => {
        clock.advance(ms);
        sim.tick();
      });
    },
    dropStream: () => act(() => stream?.dropAll()),
  };
}
