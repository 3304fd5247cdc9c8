// The store as a real process for tests: spawned with this Node, killed however a test needs.
// Not a test file itself.
import { fileURLToPath } from 'node:url';
import { serviceProcessFactory } from '../http-kit/testing/process.ts';

/** Registers an afterEach that kills every store process a test left running. */
export function storeProcessFactory() {
  return serviceProcessFactory({
    name: 'store',
    main: fileURLToPath(new URL('./main.ts', import.meta.url)),
  });
}
