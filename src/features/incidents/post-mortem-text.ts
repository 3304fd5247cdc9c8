import { incidentPatchSchema } from '../../../contract/store-schemas.ts';
import type { TimelineEvent } from '../../../contract/store-schemas.ts';

// The two texts of the post-mortem the war room writes during or after the incident: what they
// mean, how long they may be, and who saved them last.

export type PostMortemField = 'impact' | 'rootCause';

export const POST_MORTEM_FIELDS: readonly PostMortemField[] = ['impact', 'rootCause'];

/** The contract's limit, read from its schema so that the form and the store cannot disagree. */
const maxLength = (field: PostMortemField): number =>
  incidentPatchSchema.shape[field].unwrap().unwrap().maxLength ?? Number.POSITIVE_INFINITY;

export const FIELD_TEXT: {
  readonly [F in PostMortemField]: { label: string; noun: string; hint: string; max: number };
} = {
  impact: {
    label: 'Impact',
    noun: 'impact',
    hint: 'Trading impact: what was affected (venues, services, clients), orders and positions, for how long, and the money involved if known.',
    max: maxLength('impact'),
  },
  rootCause: {
    label: 'Root cause',
    noun: 'root cause',
    hint: 'The technical cause, and what contributed to it.',
    max: maxLength('rootCause'),
  },
};

const count = (n: number) => n.toLocaleString('en-US');

export type TextCheck = { ok: true; value: string | null } | { ok: false; error: string };

/**
 * What a Save sends: the text without the blank lines and spaces around it, or null to clear a
 * saved text. Refused here, in words, rather than by the store after the editor has closed.
 */
export function checkText(field: PostMortemField, text: string, saved: string | null): TextCheck {
  const { label, noun, max } = FIELD_TEXT[field];
  const value = text.trim();
  if (value.length > max)
    return {
      ok: false,
      error: `${label} is ${count(value.length)} characters; the store keeps at most ${count(max)}. Shorten it (detail can go in notes) and save again.`,
    };
  if (value === '')
    return saved === null
      ? { ok: false, error: `Write the ${noun} first, or cancel.` }
      : { ok: true, value: null };
  return { ok: true, value };
}

export const lengthNote = (field: PostMortemField, text: string): string =>
  `${count(text.trim().length)} / ${count(FIELD_TEXT[field].max)} characters`;

export interface FieldEdit {
  actor: string;
  at: string;
}

/**
 * Who saved the field last, and when. The incident holds only the text; the store names the long
 * fields an edit changed in its `incident.updated` event (`details.edited`) instead of copying them.
 */
export function lastEdit(events: readonly TimelineEvent[], field: PostMortemField): FieldEdit | null {
  let found: TimelineEvent | null = null;
  for (const e of events) {
    if (e.type !== 'incident.updated') continue;
    const edited = e.details['edited'];
    if (!Array.isArray(edited) || !edited.includes(field)) continue;
    if (found === null || e.seq > found.seq) found = e;
  }
  return found && { actor: found.actor, at: found.at };
}
