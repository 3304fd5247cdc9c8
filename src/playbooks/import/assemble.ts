import type { Block, Cell } from './blocks.ts';
import { META_KEYS } from './blocks.ts';
import { conditionOf, leadArm } from './branches.ts';
import { codeSteps } from './code-steps.ts';
import { isCommandLine } from './commands.ts';
import { PhaseBuilder } from './phase-builder.ts';
import type { RawNote, RawPlaybook, RawStep } from './raw.ts';
import type { Section } from './sections.ts';
import { cleanTitle } from './text.ts';
import {
  branchCondition,
  isNoteTitle,
  isPhaseTitle,
  isReferenceTitle,
  isFillerLabel,
  isVerificationTitle,
  parseWindow,
  trailingWindow,
} from './windows.ts';
import type { Window } from './windows.ts';

// From the heading tree to playbooks. One runbook is one playbook: a section becomes one when
// it is "phased" (its labels, list items or sub-headings carry time windows), when it holds
// steps itself, or when its sub-headings are its steps ("Step 1: …"); every other sub-heading
// of it is one of its phases, or a reference section kept as its notes. A document becomes
// several playbooks only when it holds several such procedures side by side.

export interface Found {
  playbook: RawPlaybook;
  /** Titles of the headings above it, nearest last: they carry the severity ("P0 - Critical"). */
  ancestors: string[];
}

/** Sections that describe the runbook rather than ask for something: kept as notes. */
const REFERENCE =
  /^(when to use( this( runbook| playbook)?)?|use (this )?when|when to run|symptoms?|overview|purpose|scope|background|context|description|about( this)?|summary|owners?|ownership|contacts?|(emergency |external |key )?contacts|escalation( contacts| path| matrix| policy)?|references?|appendix\b.*|see also|related\b.*|glossary|prerequisites|requirements|history|change ?log|revision history|metadata|impact|triggers?|signs|indicators)$/i;

export function isReferenceSection(title: string): boolean {
  return (
    REFERENCE.test(cleanTitle(title).replace(/:.*$/, '').trim()) || /^appendix\b/i.test(cleanTitle(title))
  );
}

/** "Step 3: Pull the switch", "1.2 Check the status page": a heading that is a step. */
const STEP_HEADING = /^(?:step\s+(\d+[a-z]?)\s*[:.)—–-]?\s*|(\d+(?:\.\d+)+)\.?\s+)(?=\S)/i;
/** "Phase 2 — Decide", "3. Recover": the number a phase heading is written with. */
const PHASE_NUMBER =
  /^(?:(?:phase|stage|step|part)\s+(\d+)\b\s*[:.)—–-]\s*|phase\s+(\d+)\s+|(\d+)[.)]\s+)(?=\S)/i;
/** A step that asks to choose: its lettered items are the options, each a branch. */
const CHOICE = /\b(pick|choose|select|decide|one of|either|options?|alternatives?)\b/i;

/** A procedure's name that names nothing ("Procedure", "Steps"): the runbook's title says more. */
const GENERIC = /^(procedures?|steps|the steps|runbook|playbook|response|actions|checklist|instructions)$/i;

function phaseTitle(raw: string): { title: string; number?: string } {
  const m = PHASE_NUMBER.exec(raw.trim());
  const number = m?.[1] ?? m?.[2] ?? m?.[3];
  const rest = m ? raw.trim().slice(m[0].length) : raw;
  const title = cleanTitle(rest).replace(/^phase\s+\d+\s*[:—–-]\s*/i, '');
  return number ? { title, number } : { title };
}

function labelWindow(text: string) {
  const { window, rest } = parseWindow(text);
  return window ? { window, rest } : null;
}

/** A section's window: in its title, or on a line of its own under it. */
function sectionWindow(section: Section): Window | null {
  const titled = parseWindow(section.title).window;
  if (titled) return titled;
  for (const b of section.blocks.slice(0, 3)) {
    if (b.kind === 'window') return b.window;
    if (b.kind !== 'meta' && b.kind !== 'alert') break;
  }
  return null;
}

function isPhased(section: Section): boolean {
  return (
    section.blocks.some(
      (b) =>
        (b.kind === 'label' && labelWindow(b.text)) ||
        (b.kind === 'item' && b.phaseList && trailingWindow(b.text)),
    ) || section.children.some((c) => !isReferenceSection(c.title) && sectionWindow(c))
  );
}

function holdsSteps(section: Section): boolean {
  return section.blocks.some(
    (b) => b.kind === 'item' || b.kind === 'code' || (b.kind === 'table' && stepTable(b) !== null),
  );
}

const isStepHeading = (title: string) => STEP_HEADING.test(title.trim());

/** A procedure whose steps are its sub-headings. */
function stepsAsHeadings(section: Section): boolean {
  const kids = section.children.filter((c) => !isReferenceSection(c.title));
  return kids.length >= 2 && kids.every((c) => isStepHeading(c.title));
}

/** Everything a section says, as text: for the notes kept from a reference section. */
function sectionText(section: Section): string {
  const lines: string[] = [];
  const walk = (blocks: readonly Block[], depth: number) => {
    for (const b of blocks) {
      const pad = '  '.repeat(depth);
      if (b.kind === 'note' || b.kind === 'label' || b.kind === 'alert') lines.push(pad + b.text);
      else if (b.kind === 'meta') lines.push(`${pad}${b.key}: ${b.value}`);
      else if (b.kind === 'option') lines.push(`${pad}${b.when} — ${b.text}`);
      else if (b.kind === 'item') {
        lines.push(`${pad}- ${b.text}`);
        walk(b.children, depth + 1);
      } else if (b.kind === 'code') lines.push(b.value);
      else if (b.kind === 'table') lines.push(...tableLines(b));
      else if (b.kind === 'heading') lines.push(b.text);
    }
  };
  walk(section.blocks, 0);
  for (const child of section.children) lines.push(cleanTitle(child.title), sectionText(child));
  return lines.filter((l) => l.trim()).join('\n');
}

function tableLines(table: Extract<Block, { kind: 'table' }>): string[] {
  return table.rows.map((row) =>
    row
      .map((c, i) => (table.header[i] && table.header.length > 2 ? `${table.header[i]}: ${c.text}` : c.text))
      .filter((t) => !/:\s*$/.test(t))
      .join(' — '),
  );
}

const note = (section: Section): RawNote => ({
  title: cleanTitle(section.title),
  text: sectionText(section),
});

/** The commands a step's own words hold: inline code that is a whole command line. */
function inlineCommands(codes: readonly string[]): string[] {
  return codes.filter(isCommandLine);
}

/** "Look at the state: `fixhub session show X`" → "Look at the state" (the command is apart). */
function withoutTrailingCommand(text: string, commands: readonly string[]): string {
  const last = commands.at(-1);
  if (!last) return text;
  const t = text.trim().replace(/[.]$/, '');
  if (t.endsWith(last)) {
    const cut = t
      .slice(0, t.length - last.length)
      .trim()
      .replace(/[:,-]$/, '')
      .trim();
    if (cut.length >= 3) return cut;
  }
  return text;
}

type Item = Extract<Block, { kind: 'item' }>;

/** One list item as one step: nested items and prose become detail, code and commands its own. */
function itemStep(item: Item): RawStep {
  const details: string[] = [];
  const commands: string[] = inlineCommands(item.codes);
  const arms: NonNullable<RawStep['branches']> = [];
  const walk = (blocks: readonly Block[], top: boolean) => {
    for (const b of blocks) {
      if (b.kind === 'code') {
        const value = b.value.replace(/\s+$/, '');
        if (value.trim()) commands.push(value);
      } else if (b.kind === 'item') {
        const arm = top && b.lead ? leadArm(b.lead, b.text) : null;
        if (arm) arms.push(arm);
        else {
          if (b.text) details.push(b.text);
          commands.push(...inlineCommands(b.codes));
          walk(b.children, false);
        }
      } else if (b.kind === 'option') {
        // "Pick one:" a. … b. …: arms; lettered sub-steps of anything else are its detail.
        if (CHOICE.test(item.text)) arms.push({ when: b.when, steps: [{ text: b.text }] });
        else {
          details.push(b.raw);
          commands.push(...inlineCommands(b.codes));
        }
      } else if (b.kind === 'note') {
        details.push(b.text);
        commands.push(...inlineCommands(b.codes));
      } else if (b.kind === 'label') details.push(b.text);
      else if (b.kind === 'meta') details.push(`${b.key}: ${b.value}`);
    }
  };
  walk(item.children, true);
  const own = withoutTrailingCommand(item.text, commands) || (commands.length ? 'Run' : '');
  const text = details.length ? `${own} — ${details.join('; ')}` : own;
  return {
    text,
    fromItem: true,
    ...(commands.length ? { commands } : {}),
    ...(arms.length ? { branches: arms } : {}),
    ...(item.number ? { number: item.number } : {}),
  };
}

/** A table whose columns are steps (and commands, owners, numbers): its rows are steps. */
function stepTable(table: Extract<Block, { kind: 'table' }>): RawStep[] | null {
  const col = (re: RegExp) => table.header.findIndex((h) => re.test(h.trim()));
  const stepCol = col(/^(step|steps|action|actions|task|what|what to do|do|description|check)$/i);
  if (stepCol < 0) return null;
  const cmdCol = col(/^(command|commands|cmd|run|script|how)$/i);
  const ownerCol = col(/^(owner|who|role|by)$/i);
  const numCol = col(/^(#|no\.?|n|step ?#|order)$/i);
  const steps: RawStep[] = [];
  for (const row of table.rows) {
    const text = row[stepCol]?.text ?? '';
    if (!text) continue;
    const cell: Cell | undefined = cmdCol >= 0 ? row[cmdCol] : undefined;
    const commands = cell ? (cell.codes.length ? cell.codes : cell.text ? [cell.text] : []) : [];
    const number = numCol >= 0 ? row[numCol]?.text : undefined;
    const owner = ownerCol >= 0 ? row[ownerCol]?.text : undefined;
    steps.push({
      text,
      fromItem: true,
      ...(commands.length ? { commands } : {}),
      ...(number && /^\d+(\.\d+)*$/.test(number) ? { number } : {}),
      ...(owner ? { owner } : {}),
    });
  }
  return steps;
}

/** A table of "Field | Value" rows: what the runbook says about itself. */
function metaTable(table: Extract<Block, { kind: 'table' }>): [string, string][] | null {
  if (table.header.length !== 2) return null;
  const rows = table.rows.map((r) => [r[0]?.text ?? '', r[1]?.text ?? ''] as [string, string]);
  const keyed = /^(field|key|property|item|attribute|name)$/i.test(table.header[0]?.trim() ?? '');
  return keyed || rows.every(([k]) => META_KEYS.test(k)) ? rows.filter(([k, v]) => k && v) : null;
}

function readBlocks(blocks: readonly Block[], into: PhaseBuilder): void {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (!block) continue;
    switch (block.kind) {
      case 'label': {
        const when = branchCondition(block.text) ?? conditionOf(block.text);
        const windowed = labelWindow(block.text);
        if (isFillerLabel(block.text)) break;
        const next = blocks[i + 1];
        if (
          isNoteTitle(cleanTitle(block.text)) ||
          (isReferenceSection(block.text) && !isPhaseTitle(block.text))
        )
          into.startNotes(cleanTitle(block.text));
        else if (when) into.openBranch(cleanTitle(when));
        else if (
          windowed ||
          isPhaseTitle(block.text) ||
          PHASE_NUMBER.test(block.text) ||
          GENERIC.test(cleanTitle(block.text))
        ) {
          const { title, number } = phaseTitle(windowed?.rest ?? block.text);
          into.startPhase(
            title || 'Phase',
            windowed?.window ?? null,
            block.line,
            isVerificationTitle(title),
            number,
          );
        } else if (next?.kind === 'code' && !into.notingNow) {
          // "Check the lag of each group:" over a command: one step, unless the block is several.
          const steps = codeSteps(next.value, next.lang, cleanTitle(block.text));
          if (steps.length === 1 && steps[0]?.text === cleanTitle(block.text)) {
            into.startGroup(cleanTitle(block.text));
            into.addStep(steps[0]);
            into.startGroup(null);
            i++;
          } else into.startGroup(cleanTitle(block.text));
        } else into.startGroup(cleanTitle(block.text));
        break;
      }
      case 'window':
        into.setWindow(block.window);
        break;
      case 'meta':
        into.meta(block.key, block.value);
        break;
      case 'alert':
        into.warn(block.text);
        break;
      case 'option':
        if (CHOICE.test(into.lastStep?.text ?? '')) into.addArm(block.when, block.text);
        else into.addNote(block.raw);
        break;
      case 'table': {
        const steps = into.notingNow ? null : stepTable(block);
        const meta = steps ? null : metaTable(block);
        if (steps) for (const step of steps) into.addStep(step);
        else if (meta) for (const [k, v] of meta) into.meta(k, v);
        else for (const line of tableLines(block)) into.addNote(line);
        break;
      }
      case 'item': {
        const windowed = block.phaseList ? trailingWindow(block.text) : null;
        const arm = block.lead && !into.notingNow ? leadArm(block.lead, block.text) : null;
        if (windowed && !into.notingNow) {
          const { title, number } = phaseTitle(windowed.rest);
          into.startPhase(title || 'Phase', windowed.window, block.line, isVerificationTitle(title), number);
          const before = into.playbook.phases.length;
          readBlocks(block.children, into);
          // An item with nothing under it ("4. **Tell stakeholders** (within 1 hour)") is its
          // own single step.
          if (block.children.length === 0 && into.playbook.phases.length === before)
            into.addStep({ text: title });
        } else if (arm && into.lastStep) into.addArm(arm.when, arm.steps);
        else into.addStep(itemStep(block));
        break;
      }
      case 'code': {
        // An unclosed fence ran to the end of its section: one command, as written, not split.
        const steps = block.closed
          ? codeSteps(block.value, block.lang, into.fallbackText)
          : [{ text: into.fallbackText, commands: [block.value.replace(/\s+$/, '')] }];
        const last = into.lastStep;
        // A command written under a step that has none (outside its list, or under a prose
        // step) is that step's command.
        if (
          steps.length === 1 &&
          steps[0]?.text === into.fallbackText &&
          last &&
          !last.commands &&
          !last.branches &&
          !into.notingNow
        )
          last.commands = steps[0].commands ?? [];
        else for (const step of steps) into.addStep(step);
        break;
      }
      case 'note': {
        const commands = inlineCommands(block.codes);
        if (commands.length && !into.notingNow)
          into.addStep({ text: withoutTrailingCommand(block.text, commands), commands });
        else into.addNote(block.text);
        break;
      }
      case 'heading':
        break;
    }
  }
}

/** A heading that is a step: its words, its prose as detail, each of its code blocks a command. */
function headingStep(section: Section): RawStep {
  const m = STEP_HEADING.exec(section.title.trim());
  const number = m?.[1] ?? m?.[2];
  const title = cleanTitle(m ? section.title.trim().slice(m[0].length) : section.title);
  const details: string[] = [];
  const commands: string[] = [];
  const arms: NonNullable<RawStep['branches']> = [];
  for (const b of section.blocks) {
    if (b.kind === 'code' && b.value.trim()) commands.push(b.value.replace(/\s+$/, ''));
    else if (b.kind === 'note') {
      details.push(b.text);
      commands.push(...inlineCommands(b.codes));
    } else if (b.kind === 'item') {
      const arm = b.lead ? leadArm(b.lead, b.text) : null;
      if (arm) arms.push(arm);
      else details.push(b.text);
    } else if (b.kind === 'label') details.push(b.text);
  }
  const text = details.length ? `${title} — ${details.join(' ')}` : title;
  return {
    text,
    ...(number ? { number } : {}),
    ...(commands.length ? { commands } : {}),
    ...(arms.length ? { branches: arms } : {}),
  };
}

/** Steps of a sub-section inside a phase, its heading (or a label in it) saying what they are for. */
function groupSteps(section: Section): RawStep[] {
  if (isStepHeading(section.title)) return [headingStep(section)];
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

/** A heading that is a phase: its blocks are its steps, its sub-headings groups, cases or steps. */
function readPhase(section: Section, into: PhaseBuilder): void {
  const { window, rest } = parseWindow(section.title);
  const { title, number } = phaseTitle(rest || section.title);
  into.startPhase(
    title || cleanTitle(section.title),
    window ?? sectionWindow(section),
    section.line,
    isVerificationTitle(title),
    number,
  );
  readBlocks(section.blocks, into);
  for (const sub of section.children) {
    const when = conditionOf(cleanTitle(sub.title));
    if (isReferenceSection(sub.title)) into.addSection(cleanTitle(sub.title), sectionText(sub));
    else if (when) {
      // "If the primary answers", "Else if …", "Else": the cases of a decision.
      into.openBranch(when);
      readBlocks(sub.blocks, into);
      for (const child of sub.children) for (const step of groupSteps(child)) into.addStep(step);
    } else if ((labelWindow(sub.title) || isVerificationTitle(sub.title)) && !isStepHeading(sub.title)) {
      readPhase(sub, into);
    } else {
      into.closeBranch();
      for (const step of groupSteps(sub)) into.addStep(step);
    }
  }
}

/**
 * "# Router misrouting" holding "## Diagnosis" and "## Fix": sub-headings that name phases of a
 * procedure (not incidents of their own, as "## Market data feed down" would) make the section
 * one playbook.
 */
function phasesAsChildren(section: Section): boolean {
  const kids = section.children.filter((c) => !isReferenceSection(c.title));
  // "Communication procedures", "Runbooks": a heading that says it holds several.
  if (/\b(procedures|runbooks|playbooks|scenarios)\b/i.test(section.title)) return false;
  return (
    kids.length > 0 &&
    kids.some((c) => holdsSteps(c) || stepsAsHeadings(c)) &&
    kids.every((c) => isPhaseTitle(c.title) || PHASE_NUMBER.test(c.title.trim()) || sectionWindow(c) !== null)
  );
}

/** Whether a sub-section is a procedure of its own rather than a phase of the one above. */
function isOwnProcedure(section: Section): boolean {
  return (
    !sectionWindow(section) &&
    !isPhaseTitle(section.title) &&
    (isPhased(section) || stepsAsHeadings(section)) &&
    section.children.length > 0
  );
}

/** The playbook a section is, and the sub-sections it left to be read on their own. */
function readPlaybook(section: Section, title: string): { playbook: RawPlaybook; rest: Section[] } {
  const into = new PhaseBuilder(title, section.line);
  if (stepsAsHeadings(section) && !isPhased(section)) {
    readBlocks(section.blocks, into);
    into.startPhase('Procedure', null, section.line, false);
    for (const child of section.children) {
      if (isReferenceSection(child.title)) into.addSection(cleanTitle(child.title), sectionText(child));
      else into.addStep(headingStep(child));
    }
    return { playbook: into.finish(), rest: [] };
  }
  readBlocks(section.blocks, into);
  const rest: Section[] = [];
  const phased = isPhased(section);
  for (const child of section.children) {
    if (
      (isReferenceSection(child.title) || (isReferenceTitle(child.title) && !isPhaseTitle(child.title))) &&
      !isPhased(child) &&
      !sectionWindow(child)
    )
      into.addSection(cleanTitle(child.title), sectionText(child));
    else if (sectionWindow(child)) readPhase(child, into);
    else if (isPhaseTitle(child.title) || PHASE_NUMBER.test(child.title.trim())) {
      // "Post-incident procedures" holding "Immediate (0-24 hours)", "Review (1-7 days)": its
      // own blocks are one phase, its windowed sub-headings more phases of this playbook.
      if (isPhased(child)) {
        into.startPhase(phaseTitle(child.title).title, null, child.line, false);
        readBlocks(child.blocks, into);
        for (const sub of child.children) readPhase(sub, into);
      } else readPhase(child, into);
    } else if (isOwnProcedure(child) || (!phased && holdsSteps(child) && child.children.length > 0))
      rest.push(child);
    else if (phased || !holdsSteps(child)) readPhase(child, into);
    else rest.push(child);
  }
  return { playbook: into.finish(), rest };
}

export interface Shared {
  sections: RawNote[];
  warnings: string[];
  metadata: Record<string, string>;
}

/** What a non-procedure section says about the runbook: its metadata, alerts and prose. */
function sharedFrom(section: Section, shared: Shared): void {
  for (const b of section.blocks) {
    if (b.kind === 'meta') {
      const key = b.key.toLowerCase();
      if (!(key in shared.metadata)) shared.metadata[key] = b.value;
    } else if (b.kind === 'alert') shared.warnings.push(b.text);
    else if (b.kind === 'table')
      for (const [k, v] of metaTable(b) ?? []) shared.metadata[k.toLowerCase()] ??= v;
  }
}

/** Every playbook the document holds, in document order, and what they share. */
export function findPlaybooks(root: Section): { found: Found[]; shared: Shared; intro: string[] } {
  const found: Found[] = [];
  const shared: Shared = { sections: [], warnings: [], metadata: {} };
  const intro: string[] = [];
  const visit = (section: Section, ancestors: string[]) => {
    if (
      section !== root &&
      isReferenceSection(section.title) &&
      !isPhased(section) &&
      !sectionWindow(section)
    ) {
      shared.sections.push(note(section));
      return;
    }
    let children = section.children;
    if (isPhased(section) || holdsSteps(section) || stepsAsHeadings(section) || phasesAsChildren(section)) {
      const title = section === root ? section.title : cleanTitle(section.title);
      const { playbook, rest } = readPlaybook(section, title);
      if (playbook.phases.length > 0) found.push({ playbook, ancestors });
      children = rest;
    } else {
      sharedFrom(section, shared);
      for (const b of section.blocks) if (b.kind === 'note') intro.push(b.text);
    }
    for (const child of children) visit(child, [...ancestors, section.title]);
  };
  visit(root, []);
  found.sort((a, b) => a.playbook.line - b.playbook.line);
  // One procedure under the runbook's own title ("## Procedure" of "# Auction does not
  // uncross"): the runbook's title names it.
  const only = found.length === 1 ? found[0] : undefined;
  if (only && GENERIC.test(cleanTitle(only.playbook.title)) && only.ancestors.length > 0) {
    const named = [...only.ancestors].reverse().find((t) => t !== root.title && !GENERIC.test(cleanTitle(t)));
    if (named) only.playbook.title = cleanTitle(named);
  }
  for (const f of found)
    f.playbook.title = cleanTitle(f.playbook.title.replace(/^(runbook|playbook|procedure)\s*:\s*/i, ''));
  return { found, shared, intro };
}
