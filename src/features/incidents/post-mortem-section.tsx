import { useState } from 'react';
import type { Incident, TimelineEvent } from '../../../contract/store-schemas.ts';
import { formatClock } from '../../lib/format.ts';
import { useDeclaredIds, usePendingWrites } from '../../warroom/outbox-store.ts';
import { pendingFieldEdit } from '../../warroom/pending.ts';
import { PostMortemEditor } from './post-mortem-editor.tsx';
import type { Draft } from './post-mortem-editor.tsx';
import { FIELD_TEXT, lastEdit, POST_MORTEM_FIELDS } from './post-mortem-text.ts';
import type { FieldEdit, PostMortemField } from './post-mortem-text.ts';
import { useViewMode } from '../../config/view-mode.tsx';

/**
 * The impact and root cause the post-mortem exports, written in the war room while it is all
 * fresh. Read-only on the desk's wall screen, which shows the record and edits nothing.
 */
export function PostMortemSection({
  id,
  incident,
  events,
}: {
  id: string;
  incident: Incident;
  events: readonly TimelineEvent[];
}) {
  const readOnly = useViewMode() === 'desk';
  return (
    <section aria-label="Post-mortem" className="flex flex-col gap-2">
      <h4 className="text-sm font-semibold text-slate-300">Post-mortem</h4>
      {POST_MORTEM_FIELDS.map((field) => (
        <PostMortemText
          key={field}
          id={id}
          field={field}
          saved={incident[field]}
          savedBy={lastEdit(events, field)}
          readOnly={readOnly}
        />
      ))}
    </section>
  );
}

const clock = (iso: string | number) => formatClock(typeof iso === 'number' ? iso : Date.parse(iso));

function PostMortemText({
  id,
  field,
  saved,
  savedBy,
  readOnly,
}: {
  id: string;
  field: PostMortemField;
  saved: string | null;
  savedBy: FieldEdit | null;
  readOnly: boolean;
}) {
  // Held here, not in the editor, and never keyed by the saved text: a save from another viewer
  // re-renders this field but must not reset what is being typed.
  const [draft, setDraft] = useState<Draft | null>(null);
  const pending = pendingFieldEdit(id, field, usePendingWrites(), useDeclaredIds());
  const { label, noun } = FIELD_TEXT[field];

  if (draft !== null && !readOnly)
    return (
      <PostMortemEditor
        incidentId={id}
        field={field}
        draft={draft}
        saved={saved}
        savedBy={savedBy}
        onDraft={setDraft}
        onClose={() => setDraft(null)}
      />
    );
  return (
    <section aria-label={label} className="flex flex-col gap-0.5">
      <div className="flex items-center justify-between gap-2">
        <h5 className="text-sm text-slate-300">{label}</h5>
        {!readOnly && (
          <button
            type="button"
            className="rounded border border-slate-500 px-2 py-0.5 text-xs"
            onClick={() => setDraft({ text: saved ?? '', base: saved })}
          >
            {saved === null ? 'Write' : 'Edit'} {noun}
          </button>
        )}
      </div>
      {saved === null ? (
        <p className="text-sm text-slate-400">Not written yet.</p>
      ) : (
        <p className="whitespace-pre-wrap text-sm">{saved}</p>
      )}
      {pending ? (
        <p className="text-xs text-amber-300">
          Saved here by {String(pending.body.actor)} at {clock(pending.queuedAt)} — not yet synced
        </p>
      ) : (
        savedBy && (
          <p className="text-xs text-slate-400">
            Saved by {savedBy.actor} at <time dateTime={savedBy.at}>{clock(savedBy.at)}</time>
          </p>
        )
      )}
    </section>
  );
}
