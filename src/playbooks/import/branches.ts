import type { RawBranch, RawJump, RawStep } from './raw.ts';

// Branches written in prose: "If the count is 0, go to step 7", "if …, do …; if …, do …",
// "Only if the market is too thin, hedge", and the jumps their arms make ("go to step 8",
// "jump to Phase 4", "skip to 3.1"). Each arm becomes a branch whose steps are what it says to
// do; a jump becomes a step of its own that carries it.

const JUMP =
  /\b(?:go|jump|skip|continue|proceed|move|return|head)\s+(?:straight\s+|directly\s+|ahead\s+|on\s+)?(?:on\s+)?to\s+(step\s+(\d+(?:\.\d+)*)|phase\s+(\d+)|(\d+(?:\.\d+)+)|phase\s+["“]([^"”]+)["”]|["“]([^"”]+)["”])/i;

/** The jump a sentence makes, if it makes one. */
export function findJump(text: string): RawJump | null {
  const m = JUMP.exec(text);
  if (!m) return null;
  const label = (m[1] ?? '').replace(/["“”]/g, '').trim();
  if (m[2]) return { kind: 'step', ref: m[2], label };
  if (m[4]) return { kind: 'step', ref: m[4], label };
  if (m[3]) return { kind: 'phase', ref: m[3], label };
  const name = m[5] ?? m[6];
  return name ? { kind: 'phase', ref: name.trim(), label } : null;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * What an arm says to do, as steps: "restart the gateway, then go to step 8" is a step and a
 * jump; "go to step 7" only the jump.
 */
export function armSteps(action: string): RawStep[] {
  const text = action.trim().replace(/[.;]+$/, '');
  if (!text) return [];
  const jump = findJump(text);
  if (!jump) return [{ text: capital(text) }];
  const m = JUMP.exec(text);
  const before = text
    .slice(0, m?.index ?? 0)
    .replace(/[,;]?\s*(and\s+)?(then\s+)?$/i, '')
    .trim();
  const jumpText = capital(
    text
      .slice(m?.index ?? 0)
      .replace(/[.;]+$/, '')
      .trim(),
  );
  return [...(before ? [{ text: capital(before) }] : []), { text: jumpText, jump }];
}

/** "If X, Y" (or "Only if X, Y"): the condition and what to do; "When X, Y" too. */
const CLAUSE = /^(?:only\s+)?(?:if|when|in case|unless)\s+(.{3,160}?),\s+(?:then\s+)?(\S.*)$/i;

/**
 * The arms a step's words hold: every sentence (or `;`-separated clause) that opens with "If …,".
 * The step keeps its words; the arms are added as its branches.
 */
export function proseArms(text: string): RawBranch[] {
  const clauses = text.split(/(?<=[.;!?])\s+(?=(?:only\s+)?(?:if|when|in case|unless)\b)/i);
  const arms: RawBranch[] = [];
  for (const clause of clauses) {
    const m = CLAUSE.exec(clause.trim());
    const when = m?.[1]?.trim();
    const action = m?.[2]?.trim();
    if (!when || !action) continue;
    // "If fills are being lost, stop trading at once" asks; "When in doubt, ask" advises: both are arms.
    const unless = /^unless\b/i.test(clause.trim().replace(/^only\s+/i, ''));
    const steps = armSteps(action.replace(/\s+(?:—|--)\s+.*$/, ''));
    if (steps.length) arms.push({ when: unless ? `not: ${when}` : when, steps });
  }
  return arms;
}

/** "**If the count is 0** → go to step 7": a bold-led condition and its arm. */
export function leadArm(lead: string, text: string): RawBranch | null {
  const when = conditionOf(lead.replace(/[:→\s-]+$/, ''));
  if (!when) return null;
  const rest = text
    .slice(text.indexOf(lead) >= 0 ? text.indexOf(lead) + lead.length : 0)
    .replace(/^\s*(?:→|->|=>|:|—|–|-|,)\s*/, '')
    .trim();
  return { when, steps: armSteps(rest || lead) };
}

/** The condition of "If X", "When X", "Else if X", "Otherwise", "Else"; null for anything else. */
export function conditionOf(title: string): string | null {
  const t = title.trim().replace(/\s*:\s*$/, '');
  if (/^(else|otherwise|in all other cases|anything else)\.?$/i.test(t)) return 'otherwise';
  const m = /^(?:else\s+if|else\s+when|otherwise\s+if|only\s+if|if|when|in case(?: of)?)\s+(.+)$/i.exec(t);
  return m?.[1]?.trim() || null;
}
