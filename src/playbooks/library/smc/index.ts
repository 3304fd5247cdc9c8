// Playbooks for the SMC Trading Agent (Kubernetes namespace `smc-trading`, Redis, PostgreSQL,
// Binance/Bybit connectors). Facts — order of actions, windows, commands, endpoints — come from
// seed 002 (the SMC incident response playbook); the wording is ours.

import type { Playbook } from '../../playbook.ts';
import { p0CompleteOutage } from './p0-complete-outage.ts';
import { p0SecurityBreach } from './p0-security-breach.ts';
import { p0DataLoss } from './p0-data-loss.ts';
import { p1DatabasePerformance } from './p1-database-performance.ts';
import { p1ExchangeApiFailure } from './p1-exchange-api-failure.ts';
import { p2WebsocketIssues } from './p2-websocket-issues.ts';
import { p2HighApiLatency } from './p2-high-api-latency.ts';
import { postIncident } from './post-incident.ts';

/** One file per playbook; the order is the library's (it matters for suggestions). */
export const smcPlaybooks: Playbook[] = [
  p0CompleteOutage,
  p0SecurityBreach,
  p0DataLoss,
  p1DatabasePerformance,
  p1ExchangeApiFailure,
  p2WebsocketIssues,
  p2HighApiLatency,
  postIncident,
];
