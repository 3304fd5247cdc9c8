import type { IncidentType } from '../../../contract/store-schemas.ts';
import { playbookSchema } from '../playbook.ts';
import type { Playbook, Step } from '../playbook.ts';
import type { Found } from './assemble.ts';
import type { RawStep } from './raw.ts';
import { slugify, truncate } from './text.ts';
import { isPhaseTitle, isReferenceTitle } from './windows.ts';
import { suggestControl } from './suggest-control.ts';

// Raw findings → playbooks that pass the playbook schema: ids, limits, owners named in the step
// ("IC: halt trading"), the system, severity and incident types guessed from the titles — all
// editable in the preview before anything is saved.

export const LIMITS = {
  stepText: 500,
  command: 2000,
  stepsPerPlaybook: 400,
  playbooks: 200,
} as const;

export interface Draft {
  playbook: Playbook;
  /** Stays what the id first was while the title (and with it the id) is edited. */
  key?: string;
  /** Procedures are selected for saving; reference sections (contacts, templates…) are not. */
  selected: boolean;
  /** Where it starts in the source, for the preview. */
  line: number;
}

type System = Playbook['system'];

/** The trading system a runbook belongs to, from the words near its top. */
export function guessSystem(head: string): System {
  if (/\bRTES\b/.test(head)) return 'rtes';
  if (/\bEAFIX\b/i.test(head)) return 'eafix';
  if (/\bSMC\b/.test(head)) return 'smc';
  if (/\b(LAV|ADAF)\b/.test(head)) return 'lav-adaf';
  if (/\bHFT\b/.test(head)) return 'hft';
  return 'generic';
}

const TYPES: [RegExp, IncidentType][] = [
  [/\b(exchange|venue)s?\b.*\b(outage|down|failures?|disconnect\w*)\b|\bexchange api\b/i, 'exchange-outage'],
  [/\bsecurity|breach|intrusion|compromise/i, 'security-breach'],
  [/\bdata loss|corrupt/i, 'data-loss'],
  [/\bmarket data|feed|sentinel/i, 'market-data'],
  [
    /\bcrash|complete (system )?(outage|failure)|\b(engine|system|platform) (outage|down|failure)/i,
    'system-crash',
  ],
  [/\bperformance|latency|memory|slow|cpu\b/i, 'performance-degradation'],
  [/\brisk|alert storm/i, 'risk-alert'],
  [/\berror (rate|storm)|errors\b/i, 'error-storm'],
  [/\bdatabase|\bdb\b|connection pool|point-in-time/i, 'database'],
  [/\bkafka|backlog|queue/i, 'messaging-backlog'],
  [/\bnetwork|connectivity|websocket|failover|fill rate/i, 'connectivity'],
];

export function guessIncidentTypes(title: string): IncidentType[] {
  const types = TYPES.filter(([pattern]) => pattern.test(title)).map(([, type]) => type);
  return [...new Set(types)].slice(0, 3);
}

function guessSeverity(titles: readonly string[]): string | undefined {
  for (const title of [...titles].reverse()) {
    const m = /\b(P[0-4]|SEV[- ]?[0-5])\b/i.exec(title);
    if (m?.[1]) return m[1].toUpperCase().replace(/[- ]/, '');
  }
  return undefined;
}

/**
 * Whether a section reads as a procedure to follow (selected for saving) rather than reference
 * material such as contacts, severity tables or templates (listed, but left unselected).
 */
function looksLikeProcedure(playbook: Playbook, ancestors: readonly string[], stepCount: number): boolean {
  if (stepCount < 2 || isReferenceTitle(playbook.title)) return false;
  // Phases with time windows are a procedure even under a reference heading ("Severity
  // classification" holding the P0 response protocol).
  if (playbook.phases.some((p) => p.window !== null)) return true;
  if (ancestors.slice(-2).some(isReferenceTitle)) return false;
  const named = playbook.phases.some((p) => isPhaseTitle(p.title));
  const commands = playbook.phases.some((p) => p.steps.some((s) => s.command));
  return (
    named ||
    commands ||
    playbook.incidentTypes.length > 0 ||
    /\b(runbook|playbook|procedures?|incident|failover|recovery|communication|root cause|post[- ]incident)\b/i.test(
      playbook.title,
    )
  );
}

type Owner = NonNullable<Step['owner']>;

const OWNERS: [RegExp, Owner][] = [
  [/^(ic|incident commander)$/i, 'incident-commander'],
  [/^scribe$/i, 'scribe'],
  [/^(comms|communications?( lead)?)$/i, 'communications'],
  [/^(on-?call|on-?call engineer|engineer)$/i, 'on-call-engineer'],
  [/^(trading desk|desk|trader)$/i, 'trading-desk'],
  [/^(dba|database admin(istrator)?)$/i, 'database-admin'],
  [/^(security|secops)$/i, 'security'],
  [/^(network|netops)$/i, 'network'],
  [/^(risk|risk manager)$/i, 'risk'],
];

/** "IC: halt trading", "DBA – kill the long queries": the owner the step names, and the rest. */
export function namedOwner(text: string): { owner: Owner; rest: string } | null {
  const m = /^([A-Za-z][A-Za-z -]{1,30}?)\s*(?::|\s[-–—])\s+(\S.*)$/.exec(text);
  const owner = m && OWNERS.find(([pattern]) => pattern.test(m[1]?.trim() ?? ''))?.[1];
  return owner && m?.[2] ? { owner, rest: m[2] } : null;
}

export interface FinishNotes {
  shortened: number;
  droppedCommands: number;
  droppedSteps: number;
  droppedPlaybooks: number;
}

function finishSteps(
  raw: readonly RawStep[],
  next: () => string,
  budget: { left: number },
  notes: FinishNotes,
): Step[] {
  const steps: Step[] = [];
  for (const r of raw) {
    if (budget.left <= 0) {
      notes.droppedSteps++;
      continue;
    }
    budget.left--;
    let text = r.text.replace(/\s+/g, ' ').trim();
    const named = namedOwner(text);
    if (named) text = named.rest;
    let command = r.command?.trim() || undefined;
    if (command && command.length > LIMITS.command) {
      notes.droppedCommands++;
      text = `${text} (its command, ${command.length.toLocaleString('en-US')} characters long, was not imported)`;
      command = undefined;
    }
    if (text.length > LIMITS.stepText) notes.shortened++;
    text = truncate(text.length < 3 ? `Step: ${text || '—'}` : text, LIMITS.stepText);
    const control = suggestControl(text);
    const branches = r.branches
      ?.map((b) => ({
        when: truncate(b.when.length < 3 ? `case ${b.when}` : b.when, 200),
        steps: finishSteps(b.steps, next, budget, notes),
      }))
      .filter((b) => b.steps.length > 0);
    steps.push({
      id: next(),
      text,
      ...(named ? { owner: named.owner } : {}),
      ...(command ? { command } : {}),
      ...(control ? { control } : {}),
      ...(r.verification ? { verification: true } : {}),
      ...(branches?.length ? { branches } : {}),
    });
  }
  return steps;
}

/** Playbooks from what was found, valid by the schema, ids unique within the import. */
export function finishPlaybooks(
  found: readonly Found[],
  source: { name: string; head: string },
): { drafts: Draft[]; notes: FinishNotes } {
  const notes: FinishNotes = { shortened: 0, droppedCommands: 0, droppedSteps: 0, droppedPlaybooks: 0 };
  const system = guessSystem(source.head);
  const usedIds = new Set<string>();
  const drafts: Draft[] = [];
  for (const { playbook: raw, ancestors } of found) {
    if (drafts.length >= LIMITS.playbooks) {
      notes.droppedPlaybooks++;
      continue;
    }
    const title = truncate(raw.title.length >= 3 ? raw.title : `Imported: ${raw.title || 'untitled'}`, 160);
    let id = `import-${slugify(title)}`;
    for (let n = 2; usedIds.has(id); n++) id = `import-${slugify(title)}-${n}`;
    usedIds.add(id);
    let stepNo = 0;
    const next = () => `s${++stepNo}`;
    const budget = { left: LIMITS.stepsPerPlaybook };
    const phases = raw.phases
      .map((phase, i) => ({
        id: `${i + 1}-${slugify(phase.title)}`.slice(0, 40).replace(/-+$/, ''),
        title: truncate(phase.title.length >= 2 ? phase.title : `Phase ${i + 1}`, 120),
        window: phase.window,
        steps: finishSteps(phase.steps, next, budget, notes),
      }))
      .filter((p) => p.steps.length > 0);
    const said = raw.notes.join(' ').replace(/\s+/g, ' ').trim();
    const summary = truncate(said.length >= 10 ? said : `Imported from ${source.name}: ${title}.`, 600);
    const severity = guessSeverity([...ancestors, raw.title]);
    const candidate = {
      id,
      title,
      system,
      ...(severity ? { severity } : {}),
      incidentTypes: guessIncidentTypes(title),
      summary,
      phases,
    };
    const parsed = playbookSchema.safeParse(candidate);
    if (!parsed.success || phases.length === 0) {
      notes.droppedPlaybooks++;
      continue;
    }
    const stepCount = phases.reduce((n, p) => n + p.steps.length, 0);
    drafts.push({
      key: id,
      playbook: parsed.data,
      selected: looksLikeProcedure(parsed.data, ancestors, stepCount),
      line: raw.line,
    });
  }
  return { drafts, notes };
}
