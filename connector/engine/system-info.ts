// What the dashboard is told about a system's abilities, derived from its profile: the controls
// it can perform remotely, those whose effect it cannot show (never "confirmed"), those it
// offers only as a command to run, and the sections it does not offer, each in a sentence.
import type {
  ControlId,
  NotOffered,
  SectionName,
  SystemInfo,
  TradingStateName,
} from '../../contract/schemas.ts';
import type { Field } from '../profile/fields.ts';
import { incidentPolicy } from '../profile/incidents.ts';
import type { Profile } from '../profile/schema.ts';

const SECTION_WORDS: Record<SectionName, string> = {
  services: 'service health',
  metrics: 'latency, error-rate or throughput figures',
  venues: 'venue data',
  tradingState: 'trading state',
  positions: 'position data',
  alerts: 'alerts of its own',
};

const TARGET: Partial<Record<ControlId, TradingStateName>> = {
  'kill-switch': 'KILLED',
  halt: 'HALTED',
  resume: 'ACTIVE',
  'reduce-positions': 'REDUCING',
};

/** Whether a mapped field can ever produce `value` (no map: the system's own words are ours). */
function canProduce(field: Field, value: string): boolean {
  if (typeof field === 'string' || !field.map) return true;
  return Object.values(field.map).includes(value) || field.default === value;
}

/** Whether the board's sections, as this profile reads them, can show the control's effect. */
function canShow(profile: Profile, id: ControlId): boolean {
  const { tradingState, venues } = profile.sections;
  const target = TARGET[id];
  if (target)
    return !!tradingState && !('notOffered' in tradingState) && canProduce(tradingState.state, target);
  if (!venues || 'notOffered' in venues) return false;
  if (id === 'venue-cancel-all') return venues.openOrders !== undefined;
  if (id === 'venue-disable') return venues.enabled !== undefined;
  if (id === 'venue-reconnect') return true;
  // Routing mode, failover, regime, maintenance: nothing in the board's sections shows them.
  return false;
}

export function systemInfo(profile: Profile, environment: SystemInfo['environment']): SystemInfo {
  const controls: ControlId[] = [];
  const unconfirmable: ControlId[] = [];
  const manualControls: NonNullable<SystemInfo['manualControls']> = [];
  for (const [id, binding] of Object.entries(profile.controls) as [
    ControlId,
    (typeof profile.controls)[ControlId],
  ][]) {
    if (!binding) continue;
    if ('run' in binding) {
      manualControls.push({ controlId: id, command: binding.run, note: binding.note ?? null });
      continue;
    }
    controls.push(id);
    if (binding.confirm === false || !canShow(profile, id)) unconfirmable.push(id);
  }
  const notOffered: NotOffered[] = (Object.keys(SECTION_WORDS) as SectionName[]).flatMap((section) => {
    const spec = profile.sections[section];
    if (spec && !('notOffered' in spec)) return [];
    return [{ section, reason: spec?.notOffered ?? `${profile.name} has no ${SECTION_WORDS[section]}` }];
  });
  return {
    id: profile.id,
    name: profile.name,
    environment,
    controls,
    unconfirmable,
    manualControls,
    notOffered,
    ...(profile.thresholds ? { thresholds: profile.thresholds } : {}),
    ...(profile.incidents ? { incidents: incidentPolicy(profile.incidents) } : {}),
  };
}
