// RTES (Real-Time Trading Exchange Simulator) playbooks. Facts — order of actions, time windows,
// thresholds, endpoints, ports, script names and commands — come from the RTES incident response
// playbook seed (../shared/seeds/000_*.txt); the wording is our own.

import type { Playbook } from '../../playbook.ts';
import { p1Critical } from './p1-critical.ts';
import { p2PerformanceDegradation } from './p2-performance-degradation.ts';
import { p2MemoryLeak } from './p2-memory-leak.ts';
import { p3ComponentFailure } from './p3-component-failure.ts';
import { dcFailover } from './dc-failover.ts';
import { dbPitr } from './db-pitr.ts';
import { communication } from './communication.ts';
import { postIncident } from './post-incident.ts';

/** One file per playbook; the order is the library's (it matters for suggestions). */
export const rtesPlaybooks: Playbook[] = [
  p1Critical,
  p2PerformanceDegradation,
  p2MemoryLeak,
  p3ComponentFailure,
  dcFailover,
  dbPitr,
  communication,
  postIncident,
];
