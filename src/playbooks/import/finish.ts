import type { IncidentType } from '../../../contract/store-schemas.ts';
import { playbookSchema } from '../playbook.ts';
import { PLAYBOOK_LIMITS } from '../../../contract/playbook-schemas.ts';
import type { Playbook, Step, StepJump } from '../playbook.ts';
import type { Found, Shared } from './assemble.ts';
import { findJump, proseArms } from './branches.ts';
import type { RawJump, RawPhase, RawStep } from './raw.ts';
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
  if (stepCount < 2) return false;
  // Phases with time windows are a procedure even under a reference heading ("Severity
  // classification" holding the P0 response protocol), or with a title that names one
  // ("Reference data load stuck").
  if (playbook.phases.some((p) => p.window !== null)) return true;
  if (isReferenceTitle(playbook.title)) return false;
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
  /** Jumps whose target the playbook does not have ("go to step 12" of eight). */
  lostJumps: string[];
}

/** A step made, with what its jump (if any) must be resolved against once every id is known. */
interface Made {
  step: Step;
  raw: RawStep;
  phase: number;
  /** At the top level of its phase (not inside a branch): what "step 7" counts. */
  top: boolean;
}

function ownerOf(name: string | undefined): Owner | undefined {
  const t = name?.trim() ?? '';
  return OWNERS.find(([pattern]) => pattern.test(t))?.[1];
}

function finishSteps(
  raw: readonly RawStep[],
  at: { next: () => string; phase: number; depth: number; made: Made[] },
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
    const owner = ownerOf(r.owner) ?? named?.owner;
    const commands: string[] = [];
    for (const c of r.commands ?? []) {
      const command = c.replace(/\s+$/, '').replace(/^\n+/, '');
      if (!command.trim() || commands.includes(command)) continue;
      if (command.length > LIMITS.command) {
        notes.droppedCommands++;
        text = `${text} (its command, ${command.length.toLocaleString('en-US')} characters long, was not imported)`;
      } else if (commands.length < PLAYBOOK_LIMITS.commands) commands.push(command);
    }
    // "Look at the end of its log:" said what the command under it is for.
    if (commands.length) text = text.replace(/\s*:$/, '');
    if (text.length > LIMITS.stepText) notes.shortened++;
    text = truncate(text.length < 3 ? `Step: ${text || '—'}` : text, LIMITS.stepText);
    const control = suggestControl(text);
    // "If the count is 0, go to step 7; if not, …": arms written in the step's own words.
    const rawBranches = r.branches ?? (at.depth === 0 ? proseArms(r.text) : []);
    const branches = rawBranches
      .slice(0, 20)
      .map((b) => ({
        when: truncate(b.when.length < 3 ? `case ${b.when}` : b.when, 200),
        steps:
          at.depth + 1 < PLAYBOOK_LIMITS.branchDepth
            ? finishSteps(b.steps, { ...at, depth: at.depth + 1 }, budget, notes)
            : [],
      }))
      .filter((b) => b.steps.length > 0);
    const step: Step = {
      id: at.next(),
      text,
      ...(owner ? { owner } : {}),
      ...(commands.length === 1 ? { command: commands[0] } : {}),
      ...(commands.length > 1 ? { commands } : {}),
      ...(control ? { control } : {}),
      ...(r.verification ? { verification: true } : {}),
      ...(branches.length ? { branches } : {}),
    };
    // "Jump to Phase 4.", "Restart it, then go to step 8": a step that sends the reader on.
    const jump = r.jump ?? (branches.length ? null : findJump(r.text));
    at.made.push({ step, raw: jump ? { ...r, jump } : r, phase: at.phase, top: at.depth === 0 });
    steps.push(step);
  }
  return steps;
}

/**
 * Where each jump leads, now that steps and phases have ids: "step 7" is the step the runbook
 * numbered 7 (or, when it numbers none, the seventh); "Phase 4" the phase it numbered 4 (or
 * the fourth); a name, the phase of that title.
 */
function resolveJumps(
  made: readonly Made[],
  phases: readonly { id: string; raw: RawPhase; title: string }[],
  notes: FinishNotes,
): void {
  const tops = made.filter((m) => m.top);
  const numbered = tops.filter((m) => m.raw.number !== undefined);
  const target = (jump: RawJump): StepJump | null => {
    if (jump.kind === 'step') {
      const byNumber = numbered.find((m) => m.raw.number === jump.ref);
      const nth = numbered.length === 0 && /^\d+$/.test(jump.ref) ? tops[Number(jump.ref) - 1] : undefined;
      const hit = byNumber ?? nth;
      const phase = hit ? phases[hit.phase] : undefined;
      return hit && phase ? { phaseId: phase.id, stepId: hit.step.id, label: jump.label } : null;
    }
    const ref = jump.ref.toLowerCase();
    const phase =
      phases.find((p) => p.raw.number === jump.ref) ??
      phases.find((p) => p.title.toLowerCase() === ref) ??
      (/^\d+$/.test(jump.ref) && !phases.some((p) => p.raw.number)
        ? phases[Number(jump.ref) - 1]
        : undefined);
    return phase ? { phaseId: phase.id, label: jump.label } : null;
  };
  for (const m of made) {
    if (!m.raw.jump) continue;
    const jump = target(m.raw.jump);
    if (jump) m.step.jump = { ...jump, label: truncate(jump.label, 120) };
    else notes.lostJumps.push(m.raw.jump.label);
  }
}

/** At most 20 entries, keys of at most 40 characters and values of at most 200. */
function metadataOf(all: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(all).slice(0, PLAYBOOK_LIMITS.metadata)) {
    const key = truncate(k.trim(), 40);
    if (key) out[key] = truncate(String(v).trim(), 200);
  }
  return out;
}

/** Playbooks from what was found, valid by the schema, ids unique within the import. */
export function finishPlaybooks(
  found: readonly Found[],
  source: { name: string; head: string; shared: Shared; intro: readonly string[] },
): { drafts: Draft[]; notes: FinishNotes } {
  const notes: FinishNotes = {
    shortened: 0,
    droppedCommands: 0,
    droppedSteps: 0,
    droppedPlaybooks: 0,
    lostJumps: [],
  };
  const { shared } = source;
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
    const made: Made[] = [];
    const built = raw.phases
      .map((phase, i) => ({
        raw: phase,
        id: `${i + 1}-${slugify(phase.title)}`.slice(0, 40).replace(/-+$/, ''),
        title: truncate(phase.title.length >= 2 ? phase.title : `Phase ${i + 1}`, 120),
        window: phase.window,
        steps: finishSteps(phase.steps, { next, phase: i, depth: 0, made }, budget, notes),
      }))
      .filter((p) => p.steps.length > 0);
    // Indices in `made` name phases by their place before empty ones were dropped.
    const placeOf = raw.phases.map((p) => built.findIndex((b) => b.raw === p));
    resolveJumps(
      made.map((m) => ({ ...m, phase: placeOf[m.phase] ?? -1 })),
      built,
      notes,
    );
    const phases = built.map(({ raw: _raw, ...phase }) => phase);
    const sections = [...raw.sections, ...shared.sections].filter((n) => n.text.trim());
    const said = (raw.notes.length ? raw.notes : source.intro).join(' ').replace(/\s+/g, ' ').trim();
    const described = said.length >= 10 ? said : (sections.find((n) => n.text.length >= 10)?.text ?? '');
    const summary = truncate(
      described.length >= 10 ? described.replace(/\s+/g, ' ') : `Imported from ${source.name}: ${title}.`,
      600,
    );
    const metadata = metadataOf({ ...shared.metadata, ...raw.metadata });
    const severity =
      guessSeverity([...ancestors, raw.title]) ??
      guessSeverity([metadata.severity ?? metadata.priority ?? '']);
    const warnings = [...raw.warnings, ...shared.warnings]
      .slice(0, PLAYBOOK_LIMITS.warnings)
      .map((w) => truncate(w, 1000));
    const candidate = {
      id,
      title,
      system,
      ...(severity ? { severity } : {}),
      incidentTypes: guessIncidentTypes(title),
      summary,
      phases,
      ...(warnings.length ? { warnings } : {}),
      ...(Object.keys(metadata).length ? { metadata } : {}),
      ...(sections.length
        ? {
            notes: sections
              .slice(0, PLAYBOOK_LIMITS.notes)
              .map((n) => ({ title: truncate(n.title || 'Notes', 120), text: truncate(n.text, 2000) })),
          }
        : {}),
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
