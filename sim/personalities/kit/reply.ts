// Replies as routes build them.
import type { NativeReply } from './types.ts';

/** A JSON reply, 200 unless told otherwise. */
export const ok = (json: unknown, status = 200): NativeReply => ({ status, json });

export const textReply = (text: string, contentType: string, status = 200): NativeReply => ({
  status,
  text,
  contentType,
});
