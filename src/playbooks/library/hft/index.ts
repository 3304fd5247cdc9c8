// HFT system playbooks. Facts (order of actions, time windows, thresholds, endpoints, scripts,
// SEV1–SEV4 scheme) come from the HFT incident-response seed (004_*.txt); the wording is ours.
// The seed only names its data-corruption, network-failure, trading-anomaly and database-failure
// playbooks: those four are written here from incident practice and the other seeds (SMC data
// loss and database procedures, LAV/ADAF venue and risk procedures, EAFIX containment and
// validation), using the HFT system's own API (localhost:8080 /api/v1/...) and scripts.

import type { Playbook } from '../../playbook.ts';
import { exchangeOutage } from './exchange-outage.ts';
import { systemCrash } from './system-crash.ts';
import { performanceDegradation } from './performance-degradation.ts';
import { securityBreach } from './security-breach.ts';
import { dataCorruption } from './data-corruption.ts';
import { networkFailure } from './network-failure.ts';
import { tradingAnomaly } from './trading-anomaly.ts';
import { databaseFailure } from './database-failure.ts';
import { communication } from './communication.ts';
import { postIncidentReview } from './post-incident-review.ts';

/** One file per playbook; the order is the library's (it matters for suggestions). */
export const hftPlaybooks: Playbook[] = [
  exchangeOutage,
  systemCrash,
  performanceDegradation,
  securityBreach,
  dataCorruption,
  networkFailure,
  tradingAnomaly,
  databaseFailure,
  communication,
  postIncidentReview,
];
