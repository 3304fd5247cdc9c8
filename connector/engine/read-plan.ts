// Which requests the connector makes for a profile, and which sections each one feeds. Two
// sections that read the same document share one request: a struggling system is asked once.
import type { SectionName } from '../../contract/schemas.ts';
import type { Profile } from '../profile/schema.ts';
import type { Probe } from '../profile/sections.ts';
import type { Read } from '../profile/sources.ts';
import { parseCondition } from '../read/condition.ts';
import type { Condition } from '../read/condition.ts';

export interface PlannedRead {
  key: string;
  read: Read;
  everyMs: number;
  /** The sections this read feeds (a probe feeds `services`). */
  sections: SectionName[];
  /** Set for the read that carries the system's own clock. */
  clock?: true;
  /** Set for the read of when the trading state lapses by itself (a Redis key's TTL). */
  expiry?: true;
  /** Set for a health probe: its rules, parsed once. */
  probe?: { probe: Probe; up: Condition[]; degraded: Condition[] };
}

export const SECTION_NAMES: readonly SectionName[] = [
  'tradingState',
  'services',
  'metrics',
  'venues',
  'positions',
  'alerts',
];

// everyMs aside, two reads that ask the same thing are one request.
const readKey = (read: Read) => JSON.stringify({ ...read, everyMs: undefined });

export function planReads(profile: Profile): PlannedRead[] {
  const byKey = new Map<string, PlannedRead>();
  const add = (read: Read, section: SectionName) => {
    const key = readKey(read);
    const everyMs = read.everyMs ?? profile.pollMs;
    const existing = byKey.get(key);
    if (existing) {
      existing.everyMs = Math.min(existing.everyMs, everyMs);
      if (!existing.sections.includes(section)) existing.sections.push(section);
    } else byKey.set(key, { key, read, everyMs, sections: [section] });
  };
  const planned: PlannedRead[] = [];
  for (const name of SECTION_NAMES) {
    const section = profile.sections[name];
    if (!section || 'notOffered' in section) continue;
    if ('from' in section) add(section.from, name);
    if ('list' in section && section.list) add(section.list.from, name);
    if ('expiry' in section && section.expiry)
      planned.push({
        key: `expiry:${readKey(section.expiry.from)}`,
        read: section.expiry.from,
        everyMs: section.expiry.from.everyMs ?? profile.pollMs,
        sections: ['tradingState'],
        expiry: true,
      });
    if ('probes' in section && section.probes)
      section.probes.forEach((probe, i) => {
        const parse = (rules: string[] | undefined, which: string) =>
          (rules ?? []).map((rule, j) => {
            try {
              return parseCondition(rule);
            } catch (error) {
              throw new Error(
                `sections.services.probes[${i}].${which}[${j}]: ${error instanceof Error ? error.message : String(error)}`,
                { cause: error },
              );
            }
          });
        planned.push({
          key: `probe:${probe.id}`,
          read: probe.from,
          everyMs: probe.from.everyMs ?? profile.pollMs,
          sections: ['services'],
          probe: { probe, up: parse(probe.up, 'up'), degraded: parse(probe.degraded, 'degraded') },
        });
      });
  }
  if (profile.clock) {
    const shared = byKey.get(readKey(profile.clock.from));
    if (shared) shared.clock = true;
    else
      planned.push({
        key: `clock:${readKey(profile.clock.from)}`,
        read: profile.clock.from,
        everyMs: profile.clock.from.everyMs ?? profile.pollMs,
        sections: [],
        clock: true,
      });
  }
  return [...byKey.values(), ...planned];
}
