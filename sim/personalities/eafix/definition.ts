// EAFIX (seed 001): six Python services in Docker Compose, each with /healthz on its own port,
// the GUI gateway in front on :8080, and a Prometheus on :9090. The seed's health loop derives
// the ports with `808${service#*-}`, which strips up to the first "-" and gives 808gateway,
// 808ingestor…: no port at all. The ports its other calls use (8081 data ingestor, 8083 signal
// generator, 8085 execution engine) follow the services' order, so the six take 8080 to 8085.
import { metricsRoute } from '../kit/metrics-route.ts';
import type { PersonalityDef, ServiceSpec } from '../kit/types.ts';
import { eafixPrometheus } from './metrics.ts';
import { eafixRoutes } from './routes.ts';

const SERVICES = [
  { name: 'gui-gateway', nativePort: 8080, title: 'GUI gateway', follows: ['database'] },
  { name: 'data-ingestor', nativePort: 8081, title: 'Data ingestor', follows: ['market-data-handler'] },
  { name: 'indicator-engine', nativePort: 8082, title: 'Indicator engine', follows: ['matching-engine'] },
  { name: 'signal-generator', nativePort: 8083, title: 'Signal generator', follows: ['matching-engine'] },
  {
    name: 'risk-manager',
    nativePort: 8084,
    title: 'Risk manager',
    follows: ['risk-manager', 'position-keeper'],
  },
  {
    name: 'execution-engine',
    nativePort: 8085,
    title: 'Execution engine',
    follows: ['order-gateway', 'order-router'],
  },
] as const;

const specs: ServiceSpec[] = SERVICES.map(({ name, nativePort }) => ({ name, nativePort }));

export const eafix: PersonalityDef = {
  name: 'eafix',
  title: 'EAFIX',
  services: [
    { name: 'gui-gateway', nativePort: 8080 },
    ...specs.slice(1),
    // Monitoring stands beside the system, not in it: it keeps answering through a crash.
    { name: 'prometheus', nativePort: 9090, outsideTheSystem: true },
  ],
  shape: { services: SERVICES.map(({ name, title, follows }) => ({ id: name, name: title, follows })) },
  metricsService: 'execution-engine',
  errorBody: (status, message, service) =>
    service === 'prometheus'
      ? {
          status: 'error',
          errorType: status === 404 ? 'not_found' : status >= 500 ? 'internal' : 'bad_data',
          error: message,
        }
      : { detail: message },
  create(sim) {
    const routes = eafixRoutes(
      sim,
      SERVICES.map(({ name, nativePort }) => ({ job: name, port: nativePort })),
    );
    const engine = routes['execution-engine'] ?? [];
    const exporter = metricsRoute(() => eafixPrometheus(sim.snapshot(), sim.totals()));
    return { routes: { ...routes, 'execution-engine': [...engine, exporter] } };
  },
};
