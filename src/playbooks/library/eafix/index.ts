// EAFIX playbook: the whole incident response runbook as one playbook. Facts — phase windows,
// severity criteria, ports, endpoints, commands, fix priorities and update cadences — come from
// the EAFIX incident response runbook seed (../shared/seeds/001_*.txt); the wording is our own.

import type { Playbook } from '../../playbook.ts';
import { incidentResponse } from './incident-response.ts';

/** One file per playbook; the order is the library's (it matters for suggestions). */
export const eafixPlaybooks: Playbook[] = [incidentResponse];
