import { useState } from 'react';
import type { FormEvent } from 'react';
import { incidentTypeSchema } from '../../../contract/store-schemas.ts';
import type { IncidentType, Severity, SeverityScheme } from '../../../contract/store-schemas.ts';
import { useStatus } from '../../live/status-query.ts';
import { incidentSelectionActions } from '../../warroom/active-incident.ts';
import { useSystemOnScreen } from '../../warroom/incident-systems.ts';
import { TYPE_LABELS } from '../../warroom/labels.ts';
import { useWarRoomWrites } from '../../warroom/writes.ts';
import { AffectedPicker } from './affected-picker.tsx';
import { validateDeclaration } from './declare-validation.ts';
import type { DeclareErrors } from './declare-validation.ts';
import { FormField, inputClass } from './form-field.tsx';
import { SeverityFields } from './severity-fields.tsx';

const names = (list: readonly { name: string }[] | null | undefined) => (list ?? []).map((x) => x.name);

/**
 * Declaring in one step: everything the store needs, nothing it does not, checked before sending.
 * The incident is about the system on screen, and is graded in that system's own scheme.
 */
export function DeclareForm({ onDone }: { onDone: () => void }) {
  const onScreen = useSystemOnScreen();
  const services = useStatus((s) => names(s.services));
  const venues = useStatus((s) => names(s.venues));
  const writes = useWarRoomWrites();
  const [title, setTitle] = useState('');
  const [chosenScheme, setScheme] = useState<SeverityScheme>(onScreen.sla?.scheme ?? 'P1-P4');
  // A system that serves its policy says its scheme: never one the commander chose for another.
  const scheme = onScreen.served?.scheme ?? chosenScheme;
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [type, setType] = useState<IncidentType | ''>('');
  const [chosenServices, setServices] = useState<string[]>([]);
  const [chosenVenues, setVenues] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<DeclareErrors>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = {
      title,
      systemId: onScreen.id,
      scheme,
      severity,
      type,
      services: chosenServices,
      venues: chosenVenues,
      note,
    };
    const checked = validateDeclaration(fields);
    if (!checked.ok) return setErrors(checked.errors);
    const result = writes.declare(checked.draft);
    if (!result.ok) return setErrors({ title: result.error });
    incidentSelectionActions.incidentOpened(result.incidentId);
    onDone();
  };

  const described = (field: keyof DeclareErrors) => (errors[field] ? `declare-${field}-error` : undefined);
  return (
    <form aria-label="Declare an incident" noValidate onSubmit={submit} className="flex flex-col gap-2">
      <FormField id="declare-title" label="Title" error={errors.title}>
        <input
          id="declare-title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          className={inputClass}
          aria-invalid={!!errors.title}
          aria-describedby={described('title')}
        />
      </FormField>
      <SeverityFields
        scheme={scheme}
        gradedBy={onScreen.served ? onScreen.name : null}
        severity={severity}
        error={errors.severity}
        onScheme={(chosen) => {
          setScheme(chosen);
          setSeverity('');
        }}
        onSeverity={setSeverity}
      />
      <FormField id="declare-type" label="Type" error={errors.type}>
        <select
          id="declare-type"
          value={type}
          className={inputClass}
          aria-invalid={!!errors.type}
          aria-describedby={described('type')}
          onChange={(e) => setType(e.target.value as IncidentType)}
        >
          <option value="">Choose…</option>
          {incidentTypeSchema.options.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </FormField>
      <AffectedPicker
        legend="Affected services"
        options={services ?? []}
        chosen={chosenServices}
        onChange={setServices}
      />
      <AffectedPicker
        legend="Affected venues"
        options={venues ?? []}
        chosen={chosenVenues}
        onChange={setVenues}
      />
      <FormField id="declare-note" label="First note (optional)" error={errors.note}>
        <textarea
          id="declare-note"
          value={note}
          rows={2}
          onChange={(e) => setNote(e.target.value)}
          className={inputClass}
        />
      </FormField>
      <div className="flex gap-2">
        <button
          type="submit"
          className="rounded bg-red-700 px-3 py-1 font-semibold text-white hover:bg-red-600"
        >
          Declare incident
        </button>
        <button type="button" onClick={onDone} className="rounded border border-slate-500 px-3 py-1">
          Cancel
        </button>
      </div>
    </form>
  );
}
