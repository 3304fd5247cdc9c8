import { incidentTypeSchema, SEVERITIES_BY_SCHEME, severitySchema } from '../../../contract/store-schemas.ts';
import type { IncidentType, Severity, SeverityScheme } from '../../../contract/store-schemas.ts';
import type { DeclarationDraft } from '../../warroom/writes.ts';

export interface DeclareFields {
  title: string;
  /** The system on screen; null when the board cannot say which it is. */
  systemId: string | null;
  scheme: SeverityScheme;
  severity: Severity | '';
  type: IncidentType | '';
  services: readonly string[];
  venues: readonly string[];
  note: string;
}

export type DeclareErrors = Partial<Record<'title' | 'severity' | 'type' | 'note', string>>;

const TITLE_MAX = 200;
const NOTE_MAX = 10_000;

/** The form's fields as a declaration the store will take, or what to fix, in words, per field. */
export function validateDeclaration(
  fields: DeclareFields,
): { ok: true; draft: DeclarationDraft } | { ok: false; errors: DeclareErrors } {
  const errors: DeclareErrors = {};
  const title = fields.title.trim();
  if (title === '') errors.title = 'Give the incident a title: what is broken, in a few words.';
  else if (title.length > TITLE_MAX)
    errors.title = `Keep the title to ${TITLE_MAX} characters; this one has ${title.length}.`;

  const allowed = SEVERITIES_BY_SCHEME[fields.scheme];
  const severity = severitySchema.safeParse(fields.severity);
  if (!severity.success) errors.severity = 'Choose a severity.';
  else if (!allowed.includes(severity.data))
    errors.severity = `${severity.data} is not a severity of the ${fields.scheme} scheme: choose ${allowed.join(', ')}.`;

  const type = incidentTypeSchema.safeParse(fields.type);
  if (!type.success) errors.type = 'Choose what kind of incident this is.';

  const note = fields.note.trim();
  if (note.length > NOTE_MAX)
    errors.note = `Keep the first note to ${NOTE_MAX} characters; move the rest to later notes.`;

  if (Object.keys(errors).length > 0 || !severity.success || !type.success) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      title,
      severityScheme: fields.scheme,
      severity: severity.data,
      type: type.data,
      affectedServices: [...fields.services],
      affectedVenues: [...fields.venues],
      ...(note === '' ? {} : { note }),
      ...(fields.systemId === null ? {} : { systemId: fields.systemId }),
    },
  };
}
