// The Market Sentinel's reads (and every daemon's /health), as pure functions of the model:
// upper-case enums, ISO 8601 times with Z.
import type { ModelDetails, Snapshot } from '../../model/simulator.ts';
import type { Service } from '../../model/types.ts';
import { isoZ } from '../kit/formats.ts';
import { DETECTED_REGIME, LAV_HEALTH } from './vocabulary.ts';

const DEPENDENCIES = ['gateway', 'postgres'];

export function lavHealth(s: Snapshot, id: string) {
  const own: Service | undefined = s.services.find((svc) => svc.id === id);
  return {
    service: id,
    status: own ? LAV_HEALTH[own.health] : 'DOWN',
    detail: own?.detail ?? null,
    checked_at: own?.lastCheckAt ?? s.asOf,
    dependencies: Object.fromEntries(
      s.services
        .filter((svc) => DEPENDENCIES.includes(svc.id))
        .map((svc) => [svc.id, LAV_HEALTH[svc.health]]),
    ),
  };
}

export function lavRegime(d: ModelDetails, updatedAt: number) {
  const manual = d.regimeOverride;
  return {
    regime: manual?.regime ?? DETECTED_REGIME,
    source: manual ? 'MANUAL' : 'DETECTED',
    manual_until: manual ? isoZ(manual.until) : null,
    updated_at: isoZ(updatedAt),
  };
}

export function lavPoolStatus(d: ModelDetails) {
  const { used, size, waiting } = d.dbPool;
  const utilization = Math.round((used / size) * 1000) / 1000;
  return {
    pool: 'postgres',
    total: size,
    active: used,
    idle: size - used,
    waiting,
    utilization,
    status: used >= size ? 'EXHAUSTED' : utilization >= 0.9 ? 'WARNING' : 'OK',
    checked_at: isoZ(d.at),
  };
}
