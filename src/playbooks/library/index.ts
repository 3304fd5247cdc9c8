import type { IncidentType } from '../../../contract/store-schemas.ts';
import type { Playbook } from '../playbook.ts';
import { eafixPlaybooks } from './eafix/index.ts';
import { hftPlaybooks } from './hft/index.ts';
import { lavAdafPlaybooks } from './lav-adaf/index.ts';
import { rtesPlaybooks } from './rtes/index.ts';
import { smcPlaybooks } from './smc/index.ts';

/**
 * Every procedure of the five seed systems, in the project's own words. The order matters for
 * suggestions: the HFT system's playbooks are written per incident type, so they come first.
 */
export const playbookLibrary: readonly Playbook[] = [
  ...hftPlaybooks,
  ...smcPlaybooks,
  ...lavAdafPlaybooks,
  ...rtesPlaybooks,
  ...eafixPlaybooks,
];

/**
 * The playbook an incident's type suggests, first of:
 * 1. the library's playbook written for the trading system at hand (`system`, e.g. from its
 *    profile): curated, and checked by the library's tests;
 * 2. a playbook the war room saved (imported) that answers the type, one for that system first:
 *    a team imports a runbook because it is its own, with its venues and scripts, which the
 *    library's playbook for another system is not;
 * 3. the first in the library that answers the type.
 * The commander can always choose another.
 */
export function suggestPlaybook(
  type: IncidentType,
  system?: Playbook['system'],
  saved: readonly Playbook[] = [],
): Playbook | null {
  const answering = (playbooks: readonly Playbook[]) =>
    playbooks.filter((p) => p.incidentTypes.includes(type));
  const library = answering(playbookLibrary);
  const imported = answering(saved);
  const forSystem = (playbooks: readonly Playbook[]) => playbooks.find((p) => p.system === system);
  return forSystem(library) ?? forSystem(imported) ?? imported[0] ?? library[0] ?? null;
}
