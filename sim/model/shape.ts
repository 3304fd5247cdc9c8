// What sets one simulated trading system apart from another while the model stays the same: its
// venues, how its services are cut, where its latencies live and which extra controls it has.
// The personalities (sim/personalities) serve the model through a seed system's own API and
// bring that system's shape; without one, the model is the canonical simulated system.
import type { ExtraControl } from './controls.ts';
import { DEFAULT_LATENCY } from './latency-curve.ts';
import type { LatencyProfile } from './latency-curve.ts';
import { CANONICAL_SERVICES } from './services.ts';
import type { ServiceDef } from './services.ts';
import { VENUES } from './venues.ts';
import type { VenueDef } from './venues.ts';

export type { ExtraControl } from './controls.ts';
export type { LatencyProfile } from './latency-curve.ts';
export type { ServiceDef } from './services.ts';
export type { VenueDef } from './venues.ts';

export interface SystemShape {
  venues: readonly VenueDef[];
  services: readonly ServiceDef[];
  latency: LatencyProfile;
  extraControls: readonly ExtraControl[];
}

export const CANONICAL_SHAPE: SystemShape = {
  venues: VENUES,
  services: CANONICAL_SERVICES,
  latency: DEFAULT_LATENCY,
  extraControls: [],
};

/** A shape from the parts given, the canonical system's for the rest; refuses one that cannot run. */
export function systemShape(parts: Partial<SystemShape> = {}): SystemShape {
  const shape = { ...CANONICAL_SHAPE, ...parts };
  if (shape.venues.length === 0) throw new RangeError('a system needs at least one venue');
  const ids = shape.venues.map((v) => v.id);
  if (new Set(ids).size !== ids.length) throw new RangeError(`venue ids must be unique: ${ids.join(', ')}`);
  const { baseP99Us, plateauUs, warningUs, criticalUs } = shape.latency;
  if (!(baseP99Us > 0 && plateauUs > baseP99Us && warningUs > 0 && criticalUs > warningUs))
    throw new RangeError('a latency profile needs 0 < base < plateau and 0 < warning < critical');
  return shape;
}
