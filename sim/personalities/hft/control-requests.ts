// The HFT system's control requests, read into model commands: pure, so that every refusal is
// decided before anything runs (a config change naming one unknown exchange changes nothing).
import { badRequest, notFound } from '../kit/problem.ts';

/** A disable from the config endpoint lasts the model's longest: a simulated day. */
export const CONFIG_DISABLE_S = 86_400;
const MAX_REASON = 500;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function onlyFields(body: Record<string, unknown>, allowed: readonly string[], where: string): void {
  const extra = Object.keys(body).filter((key) => !allowed.includes(key));
  if (extra.length > 0)
    throw badRequest(
      `unknown field${extra.length > 1 ? 's' : ''} in ${where}: ${extra.join(', ')} (takes ${allowed.join(', ') || 'none'})`,
    );
}

/** `{"reason": "…"}`, the reason optional: a kill switch must never fail for want of words. */
export function killswitchReason(body: unknown): string {
  if (body === undefined) return 'killswitch via API';
  if (!isObject(body)) throw badRequest('the body must be an object');
  onlyFields(body, ['reason'], 'the killswitch request');
  const reason = body.reason;
  if (reason === undefined) return 'killswitch via API';
  if (typeof reason !== 'string' || reason.trim() === '' || reason.length > MAX_REASON)
    throw badRequest(`reason must be a non-empty string of at most ${MAX_REASON} characters`);
  return reason;
}

/** An exchange named in a path: one the system trades on, else a 404 that lists them. */
export function knownExchange(name: string, exchanges: readonly string[]): string {
  if (!exchanges.includes(name))
    throw notFound(`unknown exchange "${name.slice(0, 60)}" (known: ${exchanges.join(', ')})`);
  return name;
}

export interface ConfigChange {
  exchange: string;
  enabled: boolean;
}

/** `{"exchanges": {"<name>": {"enabled": false}}}`: the only part of the config that can change here. */
export function configChanges(body: unknown, exchanges: readonly string[]): ConfigChange[] {
  if (!isObject(body)) throw badRequest('the body must be an object');
  onlyFields(body, ['exchanges'], 'the config');
  const section = body.exchanges;
  if (!isObject(section) || Object.keys(section).length === 0)
    throw badRequest(
      'exchanges must be an object naming at least one exchange: {"exchanges": {"binance": {"enabled": false}}}',
    );
  return Object.entries(section).map(([exchange, settings]) => {
    if (!exchanges.includes(exchange))
      throw badRequest(
        `unknown exchange "${exchange.slice(0, 60)}" in the config (known: ${exchanges.join(', ')})`,
      );
    if (!isObject(settings))
      throw badRequest(`exchanges.${exchange} must be an object such as {"enabled": false}`);
    onlyFields(settings, ['enabled'], `exchanges.${exchange}`);
    if (typeof settings.enabled !== 'boolean')
      throw badRequest(`exchanges.${exchange}.enabled must be true or false`);
    return { exchange, enabled: settings.enabled };
  });
}
