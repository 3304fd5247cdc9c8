import { useState } from 'react';
import type { FormEvent } from 'react';
import {
  incidentTypeSchema,
  SEVERITIES_BY_SCHEME,
  severitySchemeSchema,
} from '../../../contract/store-schemas.ts';
import type { IncidentType, Severity, SeverityScheme } from '../../../contract/store-schemas.ts';
import { useStatus } from '../../live/status-query.ts';
import { incidentSelectionActions } from '../../warroom/active-incident.ts';
import { SCHEME_LABELS, severityWord, TYPE_LABELS } from '../../warroom/labels.ts';
import { SLA_POLICIES } from '../../warroom/sla.ts';
import { useWarRoomWrites } from '../../warroom/writes.ts';
import { AffectedPicker } from './affected-picker.tsx';
import { validateDeclaration } from './declare-validation.ts';
import type { DeclareErrors } from './declare-validation.ts';
import { FormField, inputClass } from './form-field.tsx';
import { usePolicy } from './use-policy.ts';

const names = (list: readonly { name: string }[] | null | undefined) => (list ?? []).map((x) => x.name);

/** Declaring in one step: everything the store needs, nothing it does not, checked before sending. */
export function DeclareForm({ onDone }: { onDone: () => void }) {
  const policy = usePolicy();
  const services = useStatus((s) => names(s.services));
  const venues = useStatus((s) => names(s.venues));
  const writes = useWarRoomWrites();
  const [title, setTitle] = useState('');
  const [scheme, setScheme] = useState<SeverityScheme>(policy ? SLA_POLICIES[policy].scheme : 'P1-P4');
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [type, setType] = useState<IncidentType | ''>('');
  const [chosenServices, setServices] = useState<string[]>([]);
  const [chosenVenues, setVenues] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<DeclareErrors>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = { title, scheme, severity, type, services: chosenServices, venues: chosenVenues, note };
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
      <div className="grid grid-cols-2 gap-2">
        <FormField id="declare-scheme" label="Severity scheme">
          <select
            id="declare-scheme"
            value={scheme}
            className={inputClass}
            onChange={(e) => {
              setScheme(severitySchemeSchema.parse(e.target.value));
              setSeverity('');
            }}
          >
            {severitySchemeSchema.options.map((s) => (
              <option key={s} value={s}>
                {SCHEME_LABELS[s]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="declare-severity" label="Severity" error={errors.severity}>
          <select
            id="declare-severity"
            value={severity}
            className={inputClass}
            aria-invalid={!!errors.severity}
            aria-describedby={described('severity')}
            onChange={(e) => setSeverity(e.target.value as Severity)}
          >
            <option value="">Choose…</option>
            {SEVERITIES_BY_SCHEME[scheme].map((s) => (
              <option key={s} value={s}>
                {s} — {severityWord(scheme, s)}
              </option>
            ))}
          </select>
        </FormField>
      </div>
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
