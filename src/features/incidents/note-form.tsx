import { useState } from 'react';
import { useWarRoomWrites } from '../../warroom/writes.ts';
import { FormField, inputClass } from './form-field.tsx';

const NOTE_MAX = 10_000;

/** A note for the timeline; it also counts as the status update the cadence asks for. */
export function NoteForm({ id }: { id: string }) {
  const writes = useWarRoomWrites();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      aria-label="Add a note"
      noValidate
      className="flex flex-col gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        const note = text.trim();
        if (note === '') return setError('Write the note first.');
        if (note.length > NOTE_MAX)
          return setError(`Keep a note to ${NOTE_MAX} characters; split it in two.`);
        const result = writes.addNote(id, note);
        if (!result.ok) return setError(result.error);
        setText('');
        setError(undefined);
      }}
    >
      <FormField id="note-text" label="Note" error={error}>
        <textarea
          id="note-text"
          rows={2}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={!!error}
          className={inputClass}
        />
      </FormField>
      <button
        type="submit"
        className="self-start rounded border border-slate-400 px-2 py-1 text-sm font-semibold"
      >
        Add note
      </button>
    </form>
  );
}
