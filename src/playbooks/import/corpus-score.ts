import { commandsOf } from '../playbook.ts';
import type { Playbook, Step } from '../playbook.ts';

// How close an import comes to the structure a person reads in a runbook. Each corpus file
// (./corpus) has its expected structure beside it; this counts, for phases, steps, commands and
// branches, what was found right, what was missed and what was invented. Used by the corpus
// tests and printed by `npm run bench:import`.

export interface ExpectedBranch {
  when: string;
  /** Where the arm sends the reader: a phase by title, and a step of it by the start of its text. */
  jump?: { phase: string; step?: string };
  steps?: ExpectedStep[];
}

export interface ExpectedStep {
  /** The start of the step's text, as the runbook words it. */
  text: string;
  /** Every command, byte for byte. */
  commands?: string[];
  branches?: ExpectedBranch[];
}

export interface ExpectedPhase {
  title: string;
  /** Minutes since declaration, `[from, to]`; `to` null for open-ended; null when none is given. */
  window: [number, number | null] | null;
  steps: ExpectedStep[];
}

export interface ExpectedPlaybook {
  title: string;
  phases: ExpectedPhase[];
  severity?: string;
  metadata?: Record<string, string>;
  /** How many playbook-level warnings (GitHub alerts). */
  warnings?: number;
  /** Titles of the reference sections kept as notes. */
  notes?: string[];
}

export interface Expected {
  playbooks: ExpectedPlaybook[];
  /** Text that must appear nowhere in what was imported (hostile files). */
  mustNotContain?: string[];
  /** Words each of which some import warning must contain. */
  warningsMatch?: string[];
}

export interface Tally {
  right: number;
  missed: number;
  invented: number;
}

export const KINDS = ['phases', 'steps', 'commands', 'branches'] as const;
export type Kind = (typeof KINDS)[number];
export type Score = Record<Kind, Tally>;

export const emptyScore = (): Score => ({
  phases: { right: 0, missed: 0, invented: 0 },
  steps: { right: 0, missed: 0, invented: 0 },
  commands: { right: 0, missed: 0, invented: 0 },
  branches: { right: 0, missed: 0, invented: 0 },
});

export function addScores(a: Score, b: Score): Score {
  const sum = emptyScore();
  for (const k of KINDS)
    sum[k] = {
      right: a[k].right + b[k].right,
      missed: a[k].missed + b[k].missed,
      invented: a[k].invented + b[k].invented,
    };
  return sum;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.:;,]+$/, '');

const startsAs = (actual: string, expected: string) => norm(actual).startsWith(norm(expected));

/** A step that only carries its arm's jump ("Go to step 7"): scored as the branch's jump. */
const isJumpOnly = (s: Step) => s.jump !== undefined && /^(go|jump|skip|continue|proceed)\b/i.test(s.text);

const visibleSteps = (steps: readonly Step[]) => steps.filter((s) => !isJumpOnly(s));

/** Greedy in-order matching: each expected item takes the first unused actual one after the last. */
function pair<E, A>(expected: readonly E[], actual: readonly A[], same: (e: E, a: A) => boolean) {
  const pairs: [E, A][] = [];
  const missed: E[] = [];
  const used = new Set<number>();
  let from = 0;
  for (const e of expected) {
    let found = -1;
    for (let i = from; i < actual.length; i++)
      if (!used.has(i) && same(e, actual[i] as A)) {
        found = i;
        break;
      }
    if (found < 0) missed.push(e);
    else {
      used.add(found);
      from = found + 1;
      pairs.push([e, actual[found] as A]);
    }
  }
  const invented = actual.filter((_, i) => !used.has(i));
  return { pairs, missed, invented };
}

function countExpected(steps: readonly ExpectedStep[], score: Score): void {
  for (const s of steps) {
    score.steps.missed++;
    score.commands.missed += s.commands?.length ?? 0;
    for (const b of s.branches ?? []) {
      score.branches.missed++;
      countExpected(b.steps ?? [], score);
    }
  }
}

function countActual(steps: readonly Step[], score: Score): void {
  for (const s of visibleSteps(steps)) {
    score.steps.invented++;
    score.commands.invented += commandsOf(s).length;
    for (const b of s.branches ?? []) {
      score.branches.invented++;
      countActual(b.steps, score);
    }
  }
}

/** Where a branch's jump leads, as phase title and step text. */
function jumpOf(steps: readonly Step[], playbook: Playbook): { phase: string; step?: string } | null {
  const jump = steps.find((s) => s.jump)?.jump;
  if (!jump) return null;
  const phase = playbook.phases.find((p) => p.id === jump.phaseId);
  const find = (list: readonly Step[]): Step | undefined => {
    for (const s of list) {
      if (s.id === jump.stepId) return s;
      const inner = (s.branches ?? []).map((b) => find(b.steps)).find(Boolean);
      if (inner) return inner;
    }
    return undefined;
  };
  const step = jump.stepId && phase ? find(phase.steps) : undefined;
  return { phase: phase?.title ?? `(no phase ${jump.phaseId})`, ...(step ? { step: step.text } : {}) };
}

function sameJump(
  expected: ExpectedBranch['jump'],
  actual: { phase: string; step?: string } | null,
): boolean {
  if (!expected || !actual) return !expected && !actual;
  if (norm(expected.phase) !== norm(actual.phase)) return false;
  if (expected.step === undefined) return actual.step === undefined;
  return actual.step !== undefined && startsAs(actual.step, expected.step);
}

function scoreSteps(
  expected: readonly ExpectedStep[],
  actual: readonly Step[],
  playbook: Playbook,
  score: Score,
): void {
  const { pairs, missed, invented } = pair(expected, visibleSteps(actual), (e, a) =>
    startsAs(a.text, e.text),
  );
  countExpected(missed, score);
  countActual(invented, score);
  for (const [e, a] of pairs) {
    score.steps.right++;
    const got = [...commandsOf(a)];
    for (const c of e.commands ?? []) {
      const i = got.indexOf(c);
      if (i >= 0) {
        score.commands.right++;
        got.splice(i, 1);
      } else score.commands.missed++;
    }
    score.commands.invented += got.length;
    const branches = pair(e.branches ?? [], a.branches ?? [], (eb, ab) => norm(eb.when) === norm(ab.when));
    for (const eb of branches.missed) {
      score.branches.missed++;
      countExpected(eb.steps ?? [], score);
    }
    for (const ab of branches.invented) {
      score.branches.invented++;
      countActual(ab.steps, score);
    }
    for (const [eb, ab] of branches.pairs) {
      if (sameJump(eb.jump, jumpOf(ab.steps, playbook))) score.branches.right++;
      else {
        score.branches.missed++;
        score.branches.invented++;
      }
      scoreSteps(eb.steps ?? [], ab.steps, playbook, score);
    }
  }
}

const sameWindow = (e: ExpectedPhase['window'], a: Playbook['phases'][number]['window']) =>
  e === null ? a === null : a !== null && a.from === e[0] && a.to === e[1];

function scorePlaybook(expected: ExpectedPlaybook, actual: Playbook, score: Score): void {
  const phases = pair(expected.phases, actual.phases, (e, a) => norm(e.title) === norm(a.title));
  for (const e of phases.missed) {
    score.phases.missed++;
    countExpected(e.steps, score);
  }
  for (const a of phases.invented) {
    score.phases.invented++;
    countActual(a.steps, score);
  }
  for (const [e, a] of phases.pairs) {
    if (sameWindow(e.window, a.window)) score.phases.right++;
    else {
      score.phases.missed++;
      score.phases.invented++;
    }
    scoreSteps(e.steps, a.steps, actual, score);
  }
}

/** The score of one import against its expected structure. */
export function scoreImport(expected: Expected, playbooks: readonly Playbook[]): Score {
  const score = emptyScore();
  const matched = pair(expected.playbooks, playbooks, (e, a) => norm(e.title) === norm(a.title));
  for (const e of matched.missed)
    for (const p of e.phases) {
      score.phases.missed++;
      countExpected(p.steps, score);
    }
  for (const a of matched.invented)
    for (const p of a.phases) {
      score.phases.invented++;
      countActual(p.steps, score);
    }
  for (const [e, a] of matched.pairs) scorePlaybook(e, a, score);
  return score;
}

const pct = (t: Tally) => {
  const total = t.right + t.missed;
  return total === 0 ? '100%' : `${((100 * t.right) / total).toFixed(1)}%`;
};

const cell = (t: Tally) => `${t.right}/${t.missed}/${t.invented}`.padEnd(12);

/** A table of scores, one line per file and a total, as `right/missed/invented`. */
export function formatScores(rows: readonly { name: string; score: Score }[]): string {
  const width = Math.max(10, ...rows.map((r) => r.name.length)) + 2;
  const head = `${'file'.padEnd(width)}${KINDS.map((k) => k.padEnd(12)).join('')}(right/missed/invented)`;
  const lines = rows.map((r) => `${r.name.padEnd(width)}${KINDS.map((k) => cell(r.score[k])).join('')}`);
  const total = rows.reduce((sum, r) => addScores(sum, r.score), emptyScore());
  lines.push(`${'total'.padEnd(width)}${KINDS.map((k) => cell(total[k])).join('')}`);
  lines.push(
    `${'found right'.padEnd(width)}${KINDS.map((k) => pct(total[k]).padEnd(12)).join('')}invented: ${KINDS.map((k) => total[k].invented).reduce((a, b) => a + b, 0)}`,
  );
  return [head, ...lines].join('\n');
}
