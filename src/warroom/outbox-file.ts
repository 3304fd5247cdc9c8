import { z } from 'zod';
import { parseJsonText, parseOrExplain } from '../../contract/validate.ts';

// The outbox as it is kept in localStorage: edits to incidents and records for the control audit
// log, never a token. Read back with a schema, because another version of the dashboard (or a
// person with devtools) may have written it.

/** The person's edits, and the events dashboards report: each belongs to an incident. */
export const editKinds = [
  'declare',
  'acknowledge',
  'status',
  'role',
  'note',
  'event',
  'playbook',
  'tick',
  'edit',
] as const;

const entryFields = {
  /** The Idempotency-Key: made once when the edit was made, sent with every attempt. */
  key: z.string().min(8).max(128),
  method: z.enum(['POST', 'PUT', 'PATCH']),
  /** After `/incidents/{id}`, e.g. `/status`; empty for a declaration, an incident edit and an audit record. */
  suffix: z.string(),
  body: z.record(z.string(), z.unknown()),
  queuedAt: z.number(),
  attempts: z.int().min(0),
  /** Why the last attempt did not go through. */
  problem: z.string().nullable(),
  /** Automatic writes whose refusal nobody needs to read (an alert event another dashboard already sent). */
  quiet: z.boolean().default(false),
};

export const editEntrySchema = z.object({
  ...entryFields,
  kind: z.enum(editKinds),
  /** The incident: the store's id, or a local placeholder for one declared while offline. */
  incidentId: z.string(),
});
export type EditEntry = z.infer<typeof editEntrySchema>;

/**
 * A record for `POST /audit`. Its incident, if any, is kept here rather than trusted from the
 * body: a placeholder id is swapped for the store's when it is sent, as for edits.
 */
export const auditEntrySchema = z.object({
  ...entryFields,
  kind: z.literal('audit'),
  incidentId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const outboxEntrySchema = z.discriminatedUnion('kind', [editEntrySchema, auditEntrySchema]);
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

export const isEdit = (entry: OutboxEntry): entry is EditEntry => entry.kind !== 'audit';

export const refusedWriteSchema = z.object({
  entry: outboxEntrySchema,
  status: z.int(),
  problem: z.string(),
  at: z.number(),
});
export type RefusedWrite = z.infer<typeof refusedWriteSchema>;

export const outboxFileSchema = z.object({
  version: z.literal(1),
  entries: z.array(outboxEntrySchema),
  /** Local placeholder id → the id the store gave when the declaration went through. */
  ids: z.record(z.string(), z.string()),
  refused: z.array(refusedWriteSchema),
  /** Keys delivered lately, so an automatic event is not queued again after it went through. */
  delivered: z.array(z.string()),
  /**
   * Entries this version cannot read (a newer dashboard's kinds, in a tab open beside this one):
   * kept as they are and written back, never sent or shown here, so that the tab that wrote
   * them still finds them.
   */
  foreign: z.array(z.unknown()).default([]),
});
export type OutboxFile = z.infer<typeof outboxFileSchema>;

/** The file's frame, with each entry and refusal left to be read one by one. */
const framedFileSchema = z.object({
  version: z.literal(1),
  entries: z.array(z.unknown()),
  ids: z.record(z.string(), z.string()),
  refused: z.array(z.unknown()),
  delivered: z.array(z.string()),
  foreign: z.array(z.unknown()).default([]),
});

/**
 * A stored file read entry by entry: what this version understands, and the rest kept aside in
 * it. Kept-aside items this version does understand (set aside by an older one) come back.
 */
function readEntryByEntry(value: unknown): OutboxFile | null {
  const frame = framedFileSchema.safeParse(value);
  if (!frame.success) return null;
  const file: OutboxFile = { ...frame.data, entries: [], refused: [], foreign: [] };
  const place = (item: unknown, asRefusal: boolean) => {
    const entry = outboxEntrySchema.safeParse(item);
    const refusal = refusedWriteSchema.safeParse(item);
    if (!asRefusal && entry.success) file.entries.push(entry.data);
    else if (refusal.success) file.refused.push(refusal.data);
    else file.foreign.push(item);
  };
  frame.data.entries.forEach((item) => place(item, false));
  frame.data.refused.forEach((item) => place(item, true));
  frame.data.foreign.forEach((item) => place(item, false));
  return file;
}

export const emptyOutbox = (): OutboxFile => ({
  version: 1,
  entries: [],
  ids: {},
  refused: [],
  delivered: [],
  foreign: [],
});

export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export const OUTBOX_STORAGE_KEY = 'warroom.outbox.v1';

/**
 * The stored outbox, or an empty one; an unreadable one is set aside, not thrown away. Never
 * throws: storage that cannot be read (disabled by the browser) must not stop the edits and
 * control records the outbox can still hold in memory and deliver.
 */
export function readOutboxFile(storage: StorageLike, key = OUTBOX_STORAGE_KEY): OutboxFile {
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch (error) {
    console.error(`war-room outbox: the stored queue cannot be read (${String(error)})`);
    return emptyOutbox();
  }
  if (raw === null) return emptyOutbox();
  const json = parseJsonText(raw, 'stored outbox');
  const parsed = json.ok ? parseOrExplain(outboxFileSchema, json.value, 'stored outbox') : json;
  if (parsed.ok && parsed.value.foreign.length === 0) return parsed.value;
  // One entry of a kind this version does not know must not cost the whole queue (and one kept
  // aside by an older version may be one this version knows).
  const partly = json.ok ? readEntryByEntry(json.value) : null;
  if (partly) return partly;
  const why = parsed.ok ? 'unreadable' : parsed.error;
  try {
    storage.setItem(`${key}.unreadable.${Date.now()}`, raw);
    console.error(`war-room outbox: ${why}; kept aside`);
  } catch {
    // Full storage cannot take a copy either: say so, since what it held is now out of the queue.
    console.error(`war-room outbox: ${why}; could not be kept aside (storage full)`);
  }
  return emptyOutbox();
}

export function writeOutboxFile(storage: StorageLike, file: OutboxFile, key = OUTBOX_STORAGE_KEY): void {
  storage.setItem(key, JSON.stringify(file));
}

const LOCAL_PREFIX = 'local-';

export const isLocalId = (id: string): boolean => id.startsWith(LOCAL_PREFIX);

export const newLocalId = (): string => `${LOCAL_PREFIX}${crypto.randomUUID()}`;

export const newKey = (): string => `wr-${crypto.randomUUID()}`;
