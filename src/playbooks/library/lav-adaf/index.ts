// Playbooks for LAV/ADAF (Market Sentinel :3001, Risk Warden :3002, Executioner :3003, Kafka,
// PostgreSQL, Redis). Facts — order of actions, windows, thresholds, endpoints, scripts — come
// from seed 003 (the LAV/ADAF incident response playbook); the wording is ours.

import type { Playbook } from '../../playbook.ts';
import { p0Response } from './p0-response.ts';
import { p1Response } from './p1-response.ts';
import { marketSentinelDown } from './market-sentinel-down.ts';
import { riskWardenAlertStorm } from './risk-warden-alert-storm.ts';
import { executionerFillRateDrop } from './executioner-fill-rate-drop.ts';
import { dbPoolExhaustion } from './db-pool-exhaustion.ts';
import { kafkaBacklog } from './kafka-backlog.ts';
import { completeSystemFailure } from './complete-system-failure.ts';
import { securityBreach } from './security-breach.ts';
import { manualTradingMode } from './manual-trading-mode.ts';
import { postIncidentReview } from './post-incident-review.ts';

/** One file per playbook; the order is the library's (it matters for suggestions). */
export const lavAdafPlaybooks: Playbook[] = [
  p0Response,
  p1Response,
  marketSentinelDown,
  riskWardenAlertStorm,
  executionerFillRateDrop,
  dbPoolExhaustion,
  kafkaBacklog,
  completeSystemFailure,
  securityBreach,
  manualTradingMode,
  postIncidentReview,
];
