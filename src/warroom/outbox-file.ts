import { z } from 'zod';
import { parseJsonText, parseOrExplain } from '../../contract/validate.ts';

// The outbox as it is kept in localStorage: edits to incidents, never a token. Read back with a
// schema, because another version of the dashboard (or a person with devtools) may have written it.

export const writeKinds = [
  'declare',
  'acknowledge',
  'status',
  'role',
  'note',
  'event',
  'playbook',
  'tick',
] as const;
export type WriteKind = (typeof writeKinds)[number];

export const outboxEntrySchema = z.object({
  /** The Idempotency-Key: made once when the edit was made, sent with every attempt. */
  key: z.string().min(8).max(128),
  kind: z.enum(writeKinds),
  /** The incident: the store's id, or a local placeholder for one declared while offline. */
  incidentId: z.string(),
  method: z.enum(['POST', 'PUT']),
  /** After `/incidents/{id}`, e.g. `/status`; empty for a declaration. */
  suffix: z.string(),
  body: z.record(z.string(), z.unknown()),
  queuedAt: z.number(),
  attempts: z.int().min(0),
  /** Why the last attempt did not go through. */
  problem: z.string().nullable(),
  /** Automatic writes whose refusal nobody needs to read (an alert event another dashboard already sent). */
  quiet: z.boolean().default(false),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

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
});
export type OutboxFile = z.infer<typeof outboxFileSchema>;

export const emptyOutbox = (): OutboxFile => ({
  version: 1,
  entries: [],
  ids: {},
  refused: [],
  delivered: [],
});

export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export const OUTBOX_STORAGE_KEY = 'warroom.outbox.v1';

/** The stored outbox, or an empty one; an unreadable one is set aside, not thrown away. */
export function readOutboxFile(storage: StorageLike, key = OUTBOX_STORAGE_KEY): OutboxFile {
  const raw = storage.getItem(key);
  if (raw === null) return emptyOutbox();
  const json = parseJsonText(raw, 'stored outbox');
  const parsed = json.ok ? parseOrExplain(outboxFileSchema, json.value, 'stored outbox') : json;
  if (parsed.ok) return parsed.value;
  storage.setItem(`${key}.unreadable.${Date.now()}`, raw);
  console.error(`war-room outbox: ${parsed.error}; kept aside`);
  return emptyOutbox();
}

export function writeOutboxFile(storage: StorageLike, file: OutboxFile, key = OUTBOX_STORAGE_KEY): void {
  storage.setItem(key, JSON.stringify(file));
}

const LOCAL_PREFIX = 'local-';

export const isLocalId = (id: string): boolean => id.startsWith(LOCAL_PREFIX);

export const newLocalId = (): string => `${LOCAL_PREFIX}${crypto.randomUUID()}`;

export const newKey = (): string => `wr-${crypto.randomUUID()}`;
