import { z } from 'zod';
import { parseJsonOrExplain } from '../../contract/validate.ts';
import { thresholdsInputSchema } from './thresholds.ts';
import type { Thresholds } from './thresholds.ts';

// Loaded at start from /config.json, so that a built dashboard can be repointed at another
// trading system, or retuned, without a rebuild.
export const runtimeConfigSchema = z.strictObject({
  /**
   * Base URL of the trading API when no war-room server lists the trading systems (see
   * `systemsUrl`): relative to the dashboard's origin, or absolute.
   */
  apiBaseUrl: z.string().min(1),
  /**
   * The war-room server's list of trading systems; each one's API is served beneath it
   * (`/api/systems/{id}/v1`). Answered with 404, the board speaks to `apiBaseUrl` alone.
   */
  systemsUrl: z.string().min(1).default('/api/systems'),
  /** Past this age without contact, data is shown as stale. */
  staleAfterMs: z.number().int().min(500).max(60_000).default(3000),
  /** Fallback polling interval while the stream is down; never below once a second. */
  fallbackPollMs: z.number().int().min(1000).max(60_000).default(1000),
  /** Alert thresholds for the default trading system: a preset from the seeds, or explicit figures. */
  thresholds: thresholdsInputSchema.prefault({ preset: 'rtes' }),
  /** Base URL of the war-room store (incidents, timeline, the control audit log). */
  storeBaseUrl: z.string().min(1).default('/warroom/v1'),
  controls: z
    .strictObject({
      /** Press-and-hold time of the kill switch and halt; 0 makes them fire on a plain click. */
      holdMs: z.int().min(0).max(5000).default(600),
      /** After this, a command not yet seen in effect is shown as UNCONFIRMED. */
      confirmDeadlineMs: z.int().min(500).max(60_000).default(3000),
      /** Per-attempt deadline of a control request. */
      requestTimeoutMs: z.int().min(500).max(60_000).default(4000),
    })
    .prefault({}),
  /** Thresholds for particular trading systems, by the system id the API reports. */
  systems: z.record(z.string(), z.strictObject({ thresholds: thresholdsInputSchema })).default({}),
});

export type RuntimeConfig = z.output<typeof runtimeConfigSchema>;

/**
 * The thresholds that apply to the system the API says it is: config.json's for that system when
 * it names them, else the system's own (its profile's, served with its snapshot), else the board's.
 */
export function thresholdsFor(config: RuntimeConfig, systemId: string | undefined, own?: Thresholds) {
  return (
    (systemId !== undefined ? config.systems[systemId]?.thresholds : undefined) ?? own ?? config.thresholds
  );
}

export type ConfigResult = { ok: true; config: RuntimeConfig } | { ok: false; error: string };

export async function loadRuntimeConfig(
  url = '/config.json',
  fetchImpl: typeof fetch = fetch,
): Promise<ConfigResult> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-store' });
  } catch (error) {
    return {
      ok: false,
      error: `${url} could not be fetched: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (!response.ok) return { ok: false, error: `${url} answered HTTP ${response.status}` };
  const parsed = parseJsonOrExplain(await response.text(), runtimeConfigSchema, url);
  return parsed.ok ? { ok: true, config: parsed.value } : { ok: false, error: parsed.error };
}
