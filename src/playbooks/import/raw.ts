import type { Window } from './windows.ts';

// The importer's working shapes, before ids are given and the result is checked against the
// playbook schema.

export interface RawStep {
  text: string;
  command?: string;
  verification?: boolean;
  branches?: { when: string; steps: RawStep[] }[];
}

export interface RawPhase {
  title: string;
  window: Window | null;
  steps: RawStep[];
  line: number;
}

export interface RawPlaybook {
  title: string;
  line: number;
  phases: RawPhase[];
  /** What the runbook says about the situation (symptoms, scenario, detection). */
  notes: string[];
}
