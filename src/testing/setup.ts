import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { resetConnectionStore } from '../live/connection-store.ts';
import { server } from './msw-server.ts';

// Unhandled requests are errors: a test that talks to an endpoint nobody declared is wrong.
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetConnectionStore();
});
afterAll(() => server.close());
