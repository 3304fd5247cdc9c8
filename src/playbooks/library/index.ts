import type { IncidentType } from '../../../contract/store-schemas.ts';
import type { Playbook } from '../playbook.ts';
import { eafixPlaybooks } from './eafix.ts';
import { hftPlaybooks } from './hft.ts';
import { lavAdafPlaybooks } from './lav-adaf.ts';
import { rtesPlaybooks } from './rtes.ts';
import { smcPlaybooks } from './smc.ts';

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
 * The playbook an incident's type suggests: one written for the trading system at hand when
 * there is one (`system`, e.g. from its profile), else the first in the library that answers the
 * type. The commander can always choose another.
 */
export function suggestPlaybook(type: IncidentType, system?: Playbook['system']): Playbook | null {
  const answering = playbookLibrary.filter((p) => p.incidentTypes.includes(type));
  return answering.find((p) => p.system === system) ?? answering[0] ?? null;
}
