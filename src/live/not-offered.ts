import type { SectionName, SystemInfo } from '../../contract/schemas.ts';
import type { Section } from './live-state.ts';

/**
 * Why the system does not offer a part of the board, in its profile's words ("RTES has no venue
 * data"), or null when it does. A section not offered is said so instead of standing empty or
 * looking broken.
 */
export function notOfferedReason(system: SystemInfo | undefined, section: SectionName): string | null {
  return system?.notOffered?.find((n) => n.section === section)?.reason ?? null;
}

/** The contract's name for each panel's section; orders carry positions, said apart. */
export const offeredAs: Readonly<Record<Section, SectionName | null>> = {
  tradingState: 'tradingState',
  services: 'services',
  venues: 'venues',
  metrics: 'metrics',
  alerts: 'alerts',
  orders: null,
};
