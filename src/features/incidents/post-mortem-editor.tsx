import { useId, useState } from 'react';
import { formatClock } from '../../lib/format.ts';
import { useWarRoomWrites } from '../../warroom/writes.ts';
import { FormField, inputClass } from './form-field.tsx';
import { checkText, FIELD_TEXT, lengthNote } from './post-mortem-text.ts';
import type { FieldEdit, PostMortemField } from './post-mortem-text.ts';

/** The text being written, and the saved text it started from: what tells a conflict apart. */
export interface Draft {
  text: string;
  base: string | null;
}

const button = 'rounded border border-slate-400 px-2 py-1 text-sm font-semibold';

/**
 * A multi-line editor with an explicit Save. The draft belongs to the caller, so it outlives
 * re-renders and the store's answers; when someone else saves the field meanwhile, the draft is
 * kept and their text is shown beside it, so nobody's words are replaced without being seen.
 */
export function PostMortemEditor({
  incidentId,
  field,
  draft,
  saved,
  savedBy,
  onDraft,
  onClose,
}: {
  incidentId: string;
  field: PostMortemField;
  draft: Draft;
  /** The field as it is now: the store's, or this browser's edit not yet delivered. */
  saved: string | null;
  savedBy: FieldEdit | null;
  onDraft: (draft: Draft) => void;
  onClose: () => void;
}) {
  const writes = useWarRoomWrites();
  const id = useId();
  const [error, setError] = useState<string | undefined>();
  const { label, noun, hint, max } = FIELD_TEXT[field];
  // Someone else's save arriving with the same words as the draft is agreement, not a conflict.
  const conflict = saved !== draft.base && saved !== (draft.text.trim() || null);
  const over = draft.text.trim().length > max;

  const save = () => {
    const checked = checkText(field, draft.text, saved);
    if (!checked.ok) return setError(checked.error);
    // Nothing differs from what is saved: there is nothing to send.
    if (checked.value === saved) return onClose();
    const result = writes.editIncident(incidentId, { [field]: checked.value });
    if (!result.ok) return setError(result.error);
    onClose();
  };

  return (
    <form
      aria-label={`Edit the ${noun}`}
      noValidate
      className="flex flex-col gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      {conflict && (
        <div
          role="alert"
          className="flex flex-col gap-1 rounded bg-amber-900/70 px-2 py-1 text-sm text-amber-100"
        >
          <p>
            {savedBy?.actor ?? 'Someone'} {saved === null ? 'cleared the' : 'saved another'} {noun}
            {savedBy ? ` at ${formatClock(Date.parse(savedBy.at))}` : ''} while you were writing.{' '}
            {saved === null
              ? 'Your draft is kept and can still be saved.'
              : 'Your draft is kept; saving it replaces theirs.'}
          </p>
          {saved !== null && (
            <blockquote
              aria-label={`${label} saved meanwhile`}
              className="whitespace-pre-wrap border-l-2 border-amber-300 pl-2"
            >
              {saved}
            </blockquote>
          )}
          <button
            type="button"
            className="self-start underline"
            onClick={() => {
              setError(undefined);
              onDraft({ text: saved ?? '', base: saved });
            }}
          >
            Use theirs instead of my draft
          </button>
        </div>
      )}
      <FormField id={id} label={label} error={error}>
        <p id={`${id}-hint`} className="text-xs text-slate-400">
          {hint}
        </p>
        {/* No maxLength: the browser would cut a long paste short without a word; Save says why instead. */}
        <textarea
          id={id}
          rows={4}
          value={draft.text}
          onChange={(e) => onDraft({ ...draft, text: e.target.value })}
          aria-invalid={!!error}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          className={`${inputClass} resize-y`}
        />
        <p className={`text-xs tabular-nums ${over ? 'font-semibold text-amber-300' : 'text-slate-400'}`}>
          {lengthNote(field, draft.text)}
        </p>
      </FormField>
      <div className="flex gap-2">
        <button type="submit" className={button}>
          Save {noun}
        </button>
        <button type="button" aria-label={`Cancel editing the ${noun}`} className={button} onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
