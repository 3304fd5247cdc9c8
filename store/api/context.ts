import type { Storage } from '../storage/storage.ts';

/** What the API's handlers need: the storage, and the open change streams to close on shutdown. */
export interface ApiContext {
  storage: Storage;
  streams: Set<{ close(): void }>;
}
