// What a heading or label says about the playbook's structure: a time window ("(0-5 minutes)",
// "60+ minutes", "within 1 hour"), whether it names a phase ("Triage", "Resolution steps"), a
// condition ("If the exchange is confirmed down:") or only describes ("Symptoms:").

export interface Window {
  from: number;
  to: number | null;
}

const UNIT = String.raw`(minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w)`;
const MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440, w: 10080 };

function toMinutes(n = '0', unit = 'm'): number {
  return Number(n) * (MINUTES[unit.charAt(0).toLowerCase()] ?? 1);
}

const RANGE_ONE_UNIT = new RegExp(String.raw`(\d+)\s*[-–—]\s*(\d+)\s*${UNIT}\b`, 'i');
const RANGE_TWO_UNITS = new RegExp(String.raw`(\d+)\s*${UNIT}\s*[-–—]\s*(\d+)\s*${UNIT}\b`, 'i');
const OPEN_ENDED = new RegExp(String.raw`(\d+)\s*\+\s*${UNIT}\b`, 'i');
const T_RANGE = new RegExp(
  String.raw`T\s*\+\s*(\d+)\s*${UNIT}?\s*(?:to|[-–—]|until)\s*T\s*\+\s*(\d+)\s*${UNIT}\b`,
  'i',
);
const T_OPEN = new RegExp(
  String.raw`T\s*\+\s*(\d+)\s*${UNIT}?\s*(?:onwards?|and (?:later|after)|or later|\+|on)(?![\w])`,
  'i',
);
const ONWARDS = new RegExp(String.raw`(\d+)\s*${UNIT}\s+(?:onwards?|and (?:later|after)|or later|on)\b`, 'i');
const WITHIN = new RegExp(String.raw`within\s+(\d+)\s*${UNIT}\b`, 'i');

export interface Windowed {
  window: Window | null;
  /** The text without the window (and without the brackets that held it). */
  rest: string;
}

/** The time window a title carries, if any, and the title without it. */
export function parseWindow(text: string): Windowed {
  const tries: [RegExp, (m: RegExpExecArray) => Window][] = [
    [T_RANGE, ([, a, ua, b, ub]) => ({ from: toMinutes(a, ua ?? ub), to: toMinutes(b, ub) })],
    [T_OPEN, ([, a, u]) => ({ from: toMinutes(a, u), to: null })],
    [ONWARDS, ([, a, u]) => ({ from: toMinutes(a, u), to: null })],
    [RANGE_TWO_UNITS, ([, a, ua, b, ub]) => ({ from: toMinutes(a, ua), to: toMinutes(b, ub) })],
    [RANGE_ONE_UNIT, ([, a, b, u]) => ({ from: toMinutes(a, u), to: toMinutes(b, u) })],
    [OPEN_ENDED, ([, a, u]) => ({ from: toMinutes(a, u), to: null })],
    [WITHIN, ([, a, u]) => ({ from: 0, to: toMinutes(a, u) })],
  ];
  for (const [pattern, read] of tries) {
    const m = pattern.exec(text);
    if (!m) continue;
    const window = read(m);
    if (window.to !== null && window.to <= window.from) continue;
    const rest = (text.slice(0, m.index) + text.slice(m.index + m[0].length))
      .replace(/\(\s*\)|\[\s*\]/g, '')
      .replace(/\s{2,}/g, ' ')
      .replace(/\s*[-–—:]\s*$/, '')
      .trim();
    return { window, rest };
  }
  return { window: null, rest: text };
}

/**
 * The window a list item ends with, written apart in brackets: "**Alert the war room** (0-2
 * minutes)". A duration inside the sentence ("wait (2-3 minutes) and check") is not one.
 */
export function trailingWindow(text: string): Windowed | null {
  const m = /\(([^()]*)\)\s*:?\s*$/.exec(text.trim());
  if (!m) return null;
  const { window } = parseWindow(m[1] ?? '');
  return window ? { window, rest: text.trim().slice(0, m.index).trim() } : null;
}

/** Words that make a heading or label a phase of a procedure rather than a topic. */
const PHASE_WORDS =
  /\b(immediate|first|triage|assess(ment)?|investigat\w*|diagnos\w*|contain\w*|mitigat\w*|resol\w*|recover\w*|restor\w*|validat\w*|verif\w*|communicat\w*|escalat\w*|post[- ]incident|follow[- ]up|prevent\w*|steps|actions|checklist|response protocol|notification|rollback|resum\w*|fix|fixes|repair|remediat\w*|workarounds?)\b/i;

export function isPhaseTitle(title: string): boolean {
  return PHASE_WORDS.test(title);
}

/** Verification phases gate resuming trading: every step in them is a verification step. */
export function isVerificationTitle(title: string): boolean {
  return /\b(validat\w*|verif\w*)\b/i.test(title);
}

/** Labels that describe the situation instead of asking for action: they feed the summary. */
export function isNoteTitle(title: string): boolean {
  return /^(scenario|detection|symptoms?|triggers?|definition|overview|purpose|description|context|impact|indicators?|signs?)\b/i.test(
    title.trim(),
  );
}

/** "Run the following:", "Try these:": a label that introduces, naming nothing. */
export function isFillerLabel(title: string): boolean {
  return /^(run|do|execute|perform|use|try|then)\b.{0,20}\b(following|these|this|below)\b/i.test(
    title.trim(),
  );
}

/** "If the exchange is down:", "When our side is at fault:": a branch of the current phase. */
export function branchCondition(title: string): string | null {
  const m = /^(if|when|in case)\b\s*(.+)$/i.exec(title.trim());
  return m?.[2]?.replace(/\s*:\s*$/, '').trim() || null;
}

/** Sections that hold reference material rather than a procedure: imported only on request. */
export function isReferenceTitle(title: string): boolean {
  return /\b(contents|contacts?|classification|severity levels?|metrics|thresholds?|templates?|training|reference|glossary|appendix|escalation matrix|role|roles|responsibilities|overview|objectives|version|tools( and access)?|slas?|rotation|testing|exercises|knowledge|engineering|scripts|triggers|vendors)\b/i.test(
    title,
  );
}
