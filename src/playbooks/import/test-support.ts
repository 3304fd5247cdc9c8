import type { Playbook, Step } from '../playbook.ts';
import { importRunbook } from './import-runbook.ts';
import type { Draft } from './finish.ts';

/** A runbook written for these tests, in one of the formats the seeds use. */
export function fixture(name: string): string {
  const text = fixtures[`./fixtures/${name}`];
  if (text === undefined) throw new Error(`no fixture ${name}`);
  return text;
}

const fixtures: Record<string, string> = import.meta.glob('./fixtures/*', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Import, failing the test with the importer's own message when it refuses. */
export function imported(text: string, name = 'runbook.md'): { drafts: Draft[]; warnings: string[] } {
  const result = importRunbook(text, name);
  if (!result.ok) throw new Error(`import refused: ${result.error}`);
  return result;
}

export function draftTitled(drafts: readonly Draft[], title: string): Draft {
  const draft = drafts.find((d) => d.playbook.title === title);
  if (!draft)
    throw new Error(
      `no playbook titled "${title}" among: ${drafts.map((d) => d.playbook.title).join(' | ')}`,
    );
  return draft;
}

/** Phases as "title [from–to]" for compact structure assertions. */
export function phaseOutline(playbook: Playbook): string[] {
  return playbook.phases.map(
    (p) => `${p.title} [${p.window ? `${p.window.from}–${p.window.to ?? '…'}` : 'none'}]`,
  );
}

export const texts = (steps: readonly Step[]) => steps.map((s) => s.text);
