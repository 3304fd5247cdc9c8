import { describe, expect, test } from 'vitest';
import { lavAdafPlaybooks } from './index.ts';

describe('lavAdafPlaybooks', () => {
  test('steps that a declared control performs are bound to it', () => {
    const controlOf = (playbookId: string, stepId: string) =>
      lavAdafPlaybooks
        .find((p) => p.id === playbookId)!
        .phases.flatMap((ph) => ph.steps)
        .find((s) => s.id === stepId)?.control;
    expect(controlOf('lav-adaf-p0-response', 'halt-all')).toEqual({ id: 'halt' });
    expect(controlOf('lav-adaf-market-sentinel-down', 'manual-regime')).toEqual({ id: 'regime-manual' });
    expect(controlOf('lav-adaf-risk-warden-alert-storm', 'reduce-positions')).toEqual({
      id: 'reduce-positions',
    });
    expect(controlOf('lav-adaf-executioner-fill-rate-drop', 'conservative-routing')).toEqual({
      id: 'routing-conservative',
    });
    expect(controlOf('lav-adaf-executioner-fill-rate-drop', 'disable-venue')).toEqual({
      id: 'venue-disable',
      venue: true,
    });
  });

  test('the emergency token stays a shell variable, not a template interpolation', () => {
    const halt = lavAdafPlaybooks[0]!.phases.flatMap((ph) => ph.steps).find((s) => s.id === 'halt-all')!;
    expect(halt.command).toContain('${EMERGENCY_TOKEN}');
  });
});
