// GET /metrics on a native service: the families a system's exporter serves, as Prometheus
// text. Built per scrape from the model, so two scrapes see the model's totals move.
import { EXPOSITION_TYPE, exposition } from './prometheus.ts';
import type { MetricFamily } from './prometheus.ts';
import { textReply } from './reply.ts';
import type { Route } from './types.ts';

export const metricsRoute = (families: () => MetricFamily[], source: Route['source'] = 'assumed'): Route => ({
  method: 'GET',
  path: '/metrics',
  source,
  handle: () => textReply(exposition(families()), EXPOSITION_TYPE),
});
