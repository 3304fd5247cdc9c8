// How long tests wait on a real server or process, and polling until something holds.

/**
 * Deadline for anything that waits on a server. Loose on purpose: a loaded 2-core CI machine
 * can stall for seconds, and a wait that ends early on success costs nothing when it is long.
 */
export const WAIT_MS = 10_000;
/** Test timeout for files that start servers: several waits, each up to WAIT_MS. */
export const TEST_TIMEOUT_MS = 45_000;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a value other than undefined; fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = WAIT_MS,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (performance.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await sleep(25);
  }
}
