// The exchanges' public endpoints the seed pings (api.binance.com/api/v3/ping,
// api.bybit.com/v2/public/time), stood up on loopback ports of their own. They stand outside the
// SMC system: its faults and crashes leave them answering; only their own exchange's outage
// takes them down (503, an exchange's way of saying it cannot take requests).
import type { Simulator } from '../../model/simulator.ts';
import { epochSeconds } from '../kit/formats.ts';
import { ok } from '../kit/reply.ts';
import type { Route } from '../kit/types.ts';

export const EXCHANGE_ERRORS: Record<string, (status: number, message: string) => unknown> = {
  binance: (_status, message) => ({ code: -1001, msg: message }),
  bybit: (_status, message) => ({ ret_code: -1, ret_msg: message, result: {} }),
};

export function binanceRoutes(sim: Simulator): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v3/ping',
      source: 'seed',
      handle: () =>
        sim.details().exchangesDown.includes('binance')
          ? ok({ code: -1001, msg: 'exchange unavailable (simulated outage)' }, 503)
          : ok({}),
    },
  ];
}

export function bybitRoutes(sim: Simulator): Route[] {
  return [
    {
      method: 'GET',
      path: '/v2/public/time',
      source: 'seed',
      handle: () => {
        const time_now = epochSeconds(sim.now()).toFixed(6);
        return sim.details().exchangesDown.includes('bybit')
          ? ok(
              { ret_code: -1, ret_msg: 'exchange unavailable (simulated outage)', result: {}, time_now },
              503,
            )
          : ok({ ret_code: 0, ret_msg: 'OK', ext_code: '', ext_info: '', result: {}, time_now });
      },
    },
  ];
}
