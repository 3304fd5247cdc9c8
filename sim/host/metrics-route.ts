// GET /metrics on the canonical host: the Prometheus exposition beside the trading API, under
// the same faults (a crash or `down` drops the connection; `malformed-json` cuts the text,
// `schema-violation` turns every value into NaN), as a personality's exporter has them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault } from '../../contract/schemas.ts';
import type { Simulator } from '../model/simulator.ts';
import { bendText } from '../personalities/kit/faults.ts';
import { EXPOSITION_TYPE, exposition } from '../personalities/kit/prometheus.ts';
import { sendProblem } from './http-util.ts';
import { simPrometheus } from './metrics.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function handleMetrics(
  ctx: { sim: Simulator; fault(): Fault | null },
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const fault = ctx.fault();
  if (!ctx.sim.apiAnswering || fault?.kind === 'down') return void req.socket.destroy();
  if (fault?.kind === 'slow') await sleep(fault.delayMs ?? 0);
  if (fault?.kind === 'http-500')
    return sendProblem(res, 500, 'Internal Server Error', 'the exporter is failing (fault http-500)');
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendProblem(res, 405, 'Method Not Allowed', `${req.method} is not served here`);
  const text = bendText(exposition(simPrometheus(ctx.sim.snapshot(), ctx.sim.totals())), false, fault);
  res.writeHead(200, { 'content-type': EXPOSITION_TYPE, 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : text);
}
