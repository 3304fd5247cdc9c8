import type { Block } from './blocks.ts';
import { codeSteps } from './code-steps.ts';
import { PhaseBuilder } from './phase-builder.ts';
import type { RawPlaybook, RawStep } from './raw.ts';
import type { Section } from './sections.ts';
import { cleanTitle } from './text.ts';
import {
  branchCondition,
  isNoteTitle,
  isPhaseTitle,
  isFillerLabel,
  isVerificationTitle,
  parseWindow,
  trailingWindow,
} from './windows.ts';

// From the heading tree to playbooks. A section becomes a playbook when it is "phased" (its
// labels, list items or sub-headings carry time windows: "Immediate actions (0-5 minutes)"), or
// when it holds steps itself ("Diagnosis steps:" and a shell block). Sub-headings of a phase are
// groups of steps; sections beside the phases that are not phases are read on their own.

export interface Found {
  playbook: RawPlaybook;
  /** Titles of the headings above it, nearest last: they carry the severity ("P0 - Critical"). */
  ancestors: string[];
}

function labelWindow(text: string) {
  const { window, rest } = parseWindow(text);
  return window ? { window, rest } : null;
}

function isPhased(section: Section): boolean {
  return (
    section.blocks.some(
      (b) =>
        (b.kind === 'label' && labelWindow(b.text)) ||
        (b.kind === 'item' && b.phaseList && trailingWindow(b.text)),
    ) || section.children.some((c) => labelWindow(c.title))
  );
}

function holdsSteps(section: Section): boolean {
  return section.blocks.some((b) => b.kind === 'item' || b.kind === 'code');
}

/** One list item as one step: its nested lists and prose become detail, its code the command. */
function itemStep(item: Extract<Block, { kind: 'item' }>): RawStep {
  const details: string[] = [];
  const commands: string[] = [];
  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.kind === 'code') commands.push(b.value.replace(/\s+$/, ''));
      else if (b.kind === 'item') {
        if (b.text) details.push(b.text);
        walk(b.children);
      } else if (b.kind !== 'heading') details.push(b.text);
    }
  };
  walk(item.children);
  const title = item.text || (commands.length ? 'Run' : '');
  const text = details.length ? `${title} — ${details.join('; ')}` : title;
  return commands.length ? { text, command: commands.join('\n\n') } : { text };
}

function readBlocks(blocks: readonly Block[], into: PhaseBuilder): void {
  for (const block of blocks) {
    switch (block.kind) {
      case 'label': {
        const when = branchCondition(block.text);
        const windowed = labelWindow(block.text);
        if (isFillerLabel(block.text)) break;
        if (when) into.openBranch(cleanTitle(when));
        else if (isNoteTitle(cleanTitle(block.text))) into.startNotes();
        else if (windowed || isPhaseTitle(block.text)) {
          const title = cleanTitle(windowed?.rest ?? block.text) || 'Phase';
          into.startPhase(title, windowed?.window ?? null, block.line, isVerificationTitle(title));
        } else into.startGroup(cleanTitle(block.text));
        break;
      }
      case 'item': {
        const windowed = block.phaseList ? trailingWindow(block.text) : null;
        if (windowed && !into.notingNow) {
          const title = cleanTitle(windowed.rest) || 'Phase';
          into.startPhase(title, windowed.window, block.line, isVerificationTitle(title));
          const before = into.playbook.phases.length;
          readBlocks(block.children, into);
          // An item with nothing under it ("4. **Tell stakeholders** (within 1 hour)") is its
          // own single step.
          if (block.children.length === 0 && into.playbook.phases.length === before)
            into.addStep({ text: title });
        } else into.addStep(itemStep(block));
        break;
      }
      case 'code':
        for (const step of codeSteps(block.value, block.lang, into.fallbackText)) into.addStep(step);
        break;
      case 'note':
        into.addNote(block.text);
        break;
      case 'heading':
        break;
    }
  }
}

/** Steps of a sub-section inside a phase, its heading (or a label in it) saying what they are for. */
function groupSteps(section: Section): RawStep[] {
  const title = cleanTitle(section.title);
  const scratch = new PhaseBuilder(title, section.line);
  scratch.startPhase(title, null, section.line, false);
  scratch.startGroup(title);
  readBlocks(section.blocks, scratch);
  const read = scratch.finish();
  const steps = read.phases.flatMap((p) => p.steps);
  for (const child of section.children) steps.push(...groupSteps(child));
  if (steps.length > 0) return steps;
  return [{ text: read.notes.length ? `${title} — ${read.notes.join(' ')}` : title }];
}

/** A heading that is a phase: its blocks are its steps, its sub-headings groups of steps. */
function readPhase(section: Section, into: PhaseBuilder): void {
  const { window, rest } = parseWindow(section.title);
  const title = cleanTitle(rest) || cleanTitle(section.title);
  into.startPhase(title, window, section.line, isVerificationTitle(title));
  readBlocks(section.blocks, into);
  for (const sub of section.children) {
    if (labelWindow(sub.title) || isVerificationTitle(sub.title)) readPhase(sub, into);
    else for (const step of groupSteps(sub)) into.addStep(step);
  }
}

/** The playbook a section is, and the sub-sections it left to be read on their own. */
function readPlaybook(section: Section): { playbook: RawPlaybook; rest: Section[] } {
  const into = new PhaseBuilder(cleanTitle(section.title), section.line);
  readBlocks(section.blocks, into);
  const rest: Section[] = [];
  for (const child of section.children) {
    const windowed = labelWindow(child.title);
    if (windowed) readPhase(child, into);
    else if (isPhaseTitle(child.title)) {
      // "Post-incident procedures" holding "Immediate (0-24 hours)", "Review (1-7 days)": its
      // own blocks are one phase, its windowed sub-headings more phases of this playbook.
      if (isPhased(child)) {
        into.startPhase(cleanTitle(child.title), null, child.line, false);
        readBlocks(child.blocks, into);
        for (const sub of child.children) readPhase(sub, into);
      } else readPhase(child, into);
    } else rest.push(child);
  }
  return { playbook: into.finish(), rest };
}

/** Every playbook the document holds, in document order. */
export function findPlaybooks(root: Section): Found[] {
  const found: Found[] = [];
  const visit = (section: Section, ancestors: string[]) => {
    let children = section.children;
    if (isPhased(section) || holdsSteps(section)) {
      const { playbook, rest } = readPlaybook(section);
      if (playbook.phases.length > 0) found.push({ playbook, ancestors });
      children = rest;
    }
    for (const child of children) visit(child, [...ancestors, section.title]);
  };
  visit(root, []);
  return found.sort((a, b) => a.playbook.line - b.playbook.line);
}
