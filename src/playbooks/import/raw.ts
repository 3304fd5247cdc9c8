import type { Window } from './windows.ts';

// The importer's working shapes, before ids are given and the result is checked against the
// playbook schema.

/** Where "go to step 8" or "jump to Phase 4" points, as the runbook numbered it. */
export interface RawJump {
  kind: 'step' | 'phase';
  /** "8", "3.1", "4", or a phase's title. */
  ref: string;
  /** The words as written ("step 8"). */
  label: string;
}

export interface RawBranch {
  when: string;
  steps: RawStep[];
}

export interface RawStep {
  text: string;
  /** Each command kept apart, byte for byte. */
  commands?: string[];
  verification?: boolean;
  branches?: RawBranch[];
  /** The number the runbook gave it ("7", "3.1"). */
  number?: string;
  jump?: RawJump;
  /** An owner named in a column or label of its own ("DBA"). */
  owner?: string;
  /** Came from a list item or box: prose after it is a caution about it, not a step. */
  fromItem?: boolean;
}

export interface RawPhase {
  title: string;
  window: Window | null;
  steps: RawStep[];
  line: number;
  /** The number the runbook gave it ("Phase 4", "3."). */
  number?: string;
}

export interface RawNote {
  title: string;
  text: string;
}

export interface RawPlaybook {
  title: string;
  line: number;
  phases: RawPhase[];
  /** What the runbook says about the situation (symptoms, scenario, detection). */
  notes: string[];
  /** Reference sections kept beside the steps. */
  sections: RawNote[];
  warnings: string[];
  metadata: Record<string, string>;
}
