// The war-room store's incidents: part of the zod twins of contract/war-room-store.yaml (see
// store-schemas.ts, which re-exports everything and binds it to the document).
import { z } from 'zod';
import { timestampSchema } from './schemas.ts';

export const actorSchema = z.string().min(1).max(200);

export const storeHealthSchema = z.object({
  status: z.literal('ok'),
  storeId: z.string(),
  storage: z.string(),
  schemaVersion: z.int().min(1),
  lastChangeId: z.int().min(0),
});
export type StoreHealth = z.infer<typeof storeHealthSchema>;

/**
 * A trading system's id, as its profile names it (connector/profile/schema.ts holds profiles to
 * the same rule) and the war-room server lists it.
 */
export const systemIdSchema = z
  .string()
  .max(40)
  // A refinement rather than .regex(): its message is what a refusal says (contract/validate.ts
  // words a pattern's failure only as "expected a valid regex").
  .refine((id) => /^[a-z][a-z0-9-]{0,39}$/.test(id), {
    message: 'a system id is a lower-case letter, then lower-case letters, digits and dashes',
  });

/**
 * The system an incident or a control record is about. An older store or dashboard, an older
 * change or a kept offline copy may leave it out: that reads as null, "the record does not say".
 */
const namedSystem = systemIdSchema.nullable().default(null);

export const severitySchemeSchema = z.enum(['P0-P3', 'P1-P4', 'SEV1-SEV4']);
export type SeverityScheme = z.infer<typeof severitySchemeSchema>;

export const severitySchema = z.enum(['P0', 'P1', 'P2', 'P3', 'P4', 'SEV1', 'SEV2', 'SEV3', 'SEV4']);
export type Severity = z.infer<typeof severitySchema>;

/** The severities of each scheme, most severe first: the document states this only in words. */
export const SEVERITIES_BY_SCHEME: { readonly [S in SeverityScheme]: readonly Severity[] } = {
  'P0-P3': ['P0', 'P1', 'P2', 'P3'],
  'P1-P4': ['P1', 'P2', 'P3', 'P4'],
  'SEV1-SEV4': ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
};

/** null when `severity` belongs to `scheme`, else a sentence saying which ones do. */
export function severityMismatch(scheme: SeverityScheme, severity: Severity): string | null {
  const allowed = SEVERITIES_BY_SCHEME[scheme];
  return allowed.includes(severity)
    ? null
    : `${severity} is not a severity of the ${scheme} scheme; use one of ${allowed.join(', ')}`;
}

export const incidentTypeSchema = z.enum([
  'exchange-outage',
  'market-data',
  'system-crash',
  'performance-degradation',
  'error-storm',
  'risk-alert',
  'database',
  'messaging-backlog',
  'connectivity',
  'security-breach',
  'data-loss',
  'other',
]);
export type IncidentType = z.infer<typeof incidentTypeSchema>;

export const incidentStatusSchema = z.enum(['INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED']);
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;

export const roleNameSchema = z.enum(['commander', 'scribe', 'communications']);
export type RoleName = z.infer<typeof roleNameSchema>;

export const incidentRolesSchema = z.object({
  commander: z.string().nullable(),
  scribe: z.string().nullable(),
  communications: z.string().nullable(),
});
export type IncidentRoles = z.infer<typeof incidentRolesSchema>;

const postMortemText = z.string().max(10_000).nullable();

export const incidentSchema = z.object({
  id: z.string(),
  title: z.string().min(1).max(200),
  systemId: namedSystem,
  severityScheme: severitySchemeSchema,
  severity: severitySchema,
  type: incidentTypeSchema,
  status: incidentStatusSchema,
  affectedServices: z.array(z.string()),
  affectedVenues: z.array(z.string()),
  declaredAt: timestampSchema,
  declaredBy: z.string(),
  acknowledgedAt: timestampSchema.nullable(),
  acknowledgedBy: z.string().nullable(),
  statusChangedAt: timestampSchema,
  resolvedAt: timestampSchema.nullable(),
  lastNoteAt: timestampSchema.nullable(),
  roles: incidentRolesSchema,
  impact: postMortemText,
  rootCause: postMortemText,
  updatedAt: timestampSchema,
});
export type Incident = z.infer<typeof incidentSchema>;

export const incidentListSchema = z.object({
  storeId: z.string(),
  lastChangeId: z.int().min(0),
  incidents: z.array(incidentSchema),
});
export type IncidentList = z.infer<typeof incidentListSchema>;

const names = z.array(z.string().min(1).max(200)).max(100);

export const incidentDeclarationSchema = z
  .object({
    title: z.string().min(1).max(200),
    severityScheme: severitySchemeSchema,
    severity: severitySchema,
    type: incidentTypeSchema,
    affectedServices: names,
    affectedVenues: names,
    note: z.string().min(1).max(10_000).optional(),
    /** The system on the declaring dashboard's screen; an older dashboard does not say. */
    systemId: systemIdSchema.nullable().optional(),
    actor: actorSchema,
  })
  .superRefine((declaration, ctx) => {
    const mismatch = severityMismatch(declaration.severityScheme, declaration.severity);
    if (mismatch) ctx.addIssue({ code: 'custom', path: ['severity'], message: mismatch });
  });
export type IncidentDeclaration = z.infer<typeof incidentDeclarationSchema>;

export const incidentPatchSchema = z
  .object({
    title: z.string().min(1).max(200).optional(),
    severity: severitySchema.optional(),
    type: incidentTypeSchema.optional(),
    affectedServices: names.optional(),
    affectedVenues: names.optional(),
    impact: postMortemText.optional(),
    rootCause: postMortemText.optional(),
    actor: actorSchema,
  })
  .superRefine((patch, ctx) => {
    // An edit that names no field is a client bug worth hearing about, not a silent success.
    if (Object.keys(patch).every((key) => key === 'actor'))
      ctx.addIssue({
        code: 'custom',
        path: [],
        message:
          'nothing to change: give at least one of title, severity, type, affectedServices, affectedVenues, impact, rootCause',
      });
  });
export type IncidentPatch = z.infer<typeof incidentPatchSchema>;

export const acknowledgementSchema = z.object({ actor: actorSchema });
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

export const statusChangeSchema = z.object({ status: incidentStatusSchema, actor: actorSchema });
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const roleAssignmentSchema = z.object({
  person: z.string().min(1).max(200).nullable(),
  actor: actorSchema,
});
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

export const noteDraftSchema = z.object({ text: z.string().min(1).max(10_000), actor: actorSchema });
export type NoteDraft = z.infer<typeof noteDraftSchema>;
