import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { resetConnectionStore } from '../live/connection-store.ts';
import { server } from './msw-server.ts';

// An unhandled request is an error *of the test*: msw's 'error' strategy only logs and fails the
// request, which code built to survive failing requests would shrug off. So they are collected
// and the test that made them fails.
const unhandled: string[] = [];
beforeAll(() =>
  server.listen({
    onUnhandledFrame({ frame, defaults }) {
      defaults.error();
      const request = frame.protocol === 'http' ? (frame.data as { request: Request }).request : null;
      unhandled.push(request ? `${request.method} ${request.url}` : `${frame.protocol} frame`);
    },
  }),
);
afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetConnectionStore();
  const made = unhandled.splice(0);
  if (made.length > 0) throw new Error(`requests no handler was declared for:\n${made.join('\n')}`);
});
afterAll(() => server.close());
