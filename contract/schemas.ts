// Runtime twins of `components.schemas` in contract/openapi.yaml. The YAML is the source of
// truth; schemas.typecheck.ts fails `npm run typecheck` when a schema here stops inferring
// exactly the type openapi-typescript generates from it.
//
// Objects use z.object (unknown keys are stripped, not rejected) because the document does not
// forbid additional properties: a trading system that adds a field must not break the board.
import { z } from 'zod';

// `format: date-time` is RFC 3339, which allows a numeric offset. The document asks for UTC,
// but `+00:00` is UTC too, and a mapped seed system may write it that way; a local time with
// no zone at all is rejected because it names no instant.
export const timestampSchema = z.iso.datetime({ offset: true });
export type Timestamp = z.infer<typeof timestampSchema>;

export const problemSchema = z.object({
  title: z.string(),
  status: z.int(),
  detail: z.string(),
});
export type Problem = z.infer<typeof problemSchema>;

export const controlIdSchema = z.enum([
  'kill-switch',
  'halt',
  'resume',
  'reduce-positions',
  'venue-cancel-all',
  'venue-disable',
  'venue-reconnect',
  'routing-conservative',
  'venue-failover',
  'regime-manual',
  'maintenance-mode',
]);
export type ControlId = z.infer<typeof controlIdSchema>;

export const manualControlSchema = z.object({
  controlId: controlIdSchema,
  command: z.string().min(1),
  note: z.string().nullable(),
});
export type ManualControl = z.infer<typeof manualControlSchema>;

export const sectionNameSchema = z.enum([
  'services',
  'metrics',
  'venues',
  'tradingState',
  'positions',
  'alerts',
]);
export type SectionName = z.infer<typeof sectionNameSchema>;

export const notOfferedSchema = z.object({ section: sectionNameSchema, reason: z.string().min(1) });
export type NotOffered = z.infer<typeof notOfferedSchema>;

export const latencyUnitSchema = z.enum(['us', 'ms', 's']);
export type LatencyUnit = z.infer<typeof latencyUnitSchema>;

export const latencySchema = z.object({
  value: z.number().min(0),
  unit: latencyUnitSchema,
});
export type Latency = z.infer<typeof latencySchema>;

const fractionSchema = z.number().min(0).max(1);

export const thresholdsContractSchema = z.object({
  latencyP99: z.object({ warning: latencySchema, critical: latencySchema }),
  errorRate: z.object({ warning: fractionSchema, critical: fractionSchema }),
  marketDataDownAfterMs: z.int().min(1000).max(3_600_000),
});

const environmentSchema = z.enum(['production', 'simulator', 'drill']);

export const slaFigureSchema = z.union([z.int().min(0), z.literal('none'), z.null()]);
export type SlaFigure = z.infer<typeof slaFigureSchema>;

export const severityTimersSchema = z.object({
  acknowledgeMs: slaFigureSchema,
  respondMs: slaFigureSchema,
  updateEveryMs: slaFigureSchema,
  escalateAfterMs: slaFigureSchema,
});
export type SeverityTimers = z.infer<typeof severityTimersSchema>;

export const incidentPolicySchema = z.object({
  scheme: z.enum(['P1-P4', 'P0-P3', 'SEV1-SEV4']),
  severities: z.array(severityTimersSchema).min(4).max(4),
  playbooks: z.string().nullable(),
});
export type IncidentPolicy = z.infer<typeof incidentPolicySchema>;

export const systemInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  controls: z.array(controlIdSchema),
  environment: environmentSchema,
  unconfirmable: z.array(controlIdSchema).optional(),
  manualControls: z.array(manualControlSchema).optional(),
  notOffered: z.array(notOfferedSchema).optional(),
  thresholds: thresholdsContractSchema.optional(),
  incidents: incidentPolicySchema.optional(),
});
export type SystemInfo = z.infer<typeof systemInfoSchema>;

export const healthSchema = z.enum(['UP', 'DEGRADED', 'DOWN']);
export type Health = z.infer<typeof healthSchema>;

export const serviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  health: healthSchema,
  lastCheckAt: timestampSchema,
  detail: z.string().nullable(),
});
export type Service = z.infer<typeof serviceSchema>;

export const metricWindowSchema = z.object({
  start: timestampSchema,
  end: timestampSchema,
  latencyP99: latencySchema.nullable(),
  errorRate: z.number().min(0).max(1),
  throughput: z.number().min(0),
  orders: z.int().min(0),
  errors: z.int().min(0),
});
export type MetricWindow = z.infer<typeof metricWindowSchema>;

export const metricsSchema = z.object({
  windowMs: z.int().min(1),
  windows: z.array(metricWindowSchema),
});
export type Metrics = z.infer<typeof metricsSchema>;

export const connectionSchema = z.enum(['CONNECTED', 'DEGRADED', 'DISCONNECTED']);
export type Connection = z.infer<typeof connectionSchema>;

export const venueSchema = z.object({
  id: z.string(),
  name: z.string(),
  connection: connectionSchema,
  enabled: z.boolean(),
  lastMarketDataAt: timestampSchema.nullable(),
  openOrders: z.int().min(0),
});
export type Venue = z.infer<typeof venueSchema>;

export const tradingStateNameSchema = z.enum(['ACTIVE', 'REDUCING', 'HALTED', 'KILLED']);
export type TradingStateName = z.infer<typeof tradingStateNameSchema>;

export const tradingStateSchema = z.object({
  state: tradingStateNameSchema,
  changedAt: timestampSchema,
  changedBy: z.string(),
  reason: z.string(),
});
export type TradingState = z.infer<typeof tradingStateSchema>;

export const systemSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  environment: environmentSchema,
  reachable: z.boolean(),
  problem: z.string().nullable(),
  lastContactAt: timestampSchema.nullable(),
  tradingState: tradingStateSchema.nullable(),
});
export type SystemSummary = z.infer<typeof systemSummarySchema>;

export const systemListSchema = z.object({ systems: z.array(systemSummarySchema) });
export type SystemList = z.infer<typeof systemListSchema>;

export const alertSeveritySchema = z.enum(['warning', 'critical']);
export type AlertSeverity = z.infer<typeof alertSeveritySchema>;

export const alertSilenceSchema = z.object({
  id: z.string().min(1),
  until: timestampSchema,
  by: z.string().nullable(),
  comment: z.string().nullable(),
});
export type AlertSilence = z.infer<typeof alertSilenceSchema>;

export const alertSchema = z.object({
  id: z.string(),
  name: z.string(),
  severity: alertSeveritySchema,
  summary: z.string(),
  since: timestampSchema,
  subject: z.string().nullable(),
  /** Set while silenced where the alert is routed; it still fires. */
  silence: alertSilenceSchema.nullable().optional(),
});
export type Alert = z.infer<typeof alertSchema>;

export const positionSchema = z.object({
  symbol: z.string(),
  venueId: z.string(),
  quantity: z.number(),
  notional: z.number(),
});
export type Position = z.infer<typeof positionSchema>;

export const sourceProblemSchema = z.object({
  section: sectionNameSchema,
  problem: z.string(),
  since: timestampSchema,
});
export type SourceProblem = z.infer<typeof sourceProblemSchema>;

export const snapshotSchema = z.object({
  system: systemInfoSchema,
  instance: z.string().min(1),
  asOf: timestampSchema,
  eventId: z.int().min(0),
  tradingState: tradingStateSchema,
  services: z.array(serviceSchema),
  venues: z.array(venueSchema),
  metrics: metricsSchema,
  alerts: z.array(alertSchema),
  openOrders: z.int().min(0),
  positions: z.array(positionSchema),
  problems: z.array(sourceProblemSchema).optional(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

// --- Stream events. The document writes each as `allOf: [EventBase, {...}]`; extending the base
// object gives the same fields as one flat object, which z.discriminatedUnion needs.

export const eventBaseSchema = z.object({
  // 0 only on a `reset` taken before any change: a reset carries its snapshot's eventId.
  id: z.int().min(0),
  at: timestampSchema,
});
export type EventBase = z.infer<typeof eventBaseSchema>;

export const resetEventSchema = eventBaseSchema.extend({
  type: z.literal('reset'),
  snapshot: snapshotSchema,
});
export type ResetEvent = z.infer<typeof resetEventSchema>;

export const serviceChangedEventSchema = eventBaseSchema.extend({
  type: z.literal('service.changed'),
  service: serviceSchema,
});
export type ServiceChangedEvent = z.infer<typeof serviceChangedEventSchema>;

export const servicesCheckedEventSchema = eventBaseSchema.extend({
  type: z.literal('services.checked'),
  checkedAt: timestampSchema,
});
export type ServicesCheckedEvent = z.infer<typeof servicesCheckedEventSchema>;

export const venuesChangedEventSchema = eventBaseSchema.extend({
  type: z.literal('venues.changed'),
  venues: z.array(venueSchema),
});
export type VenuesChangedEvent = z.infer<typeof venuesChangedEventSchema>;

export const metricsWindowEventSchema = eventBaseSchema.extend({
  type: z.literal('metrics.window'),
  window: metricWindowSchema,
});
export type MetricsWindowEvent = z.infer<typeof metricsWindowEventSchema>;

export const tradingStateChangedEventSchema = eventBaseSchema.extend({
  type: z.literal('trading-state.changed'),
  tradingState: tradingStateSchema,
});
export type TradingStateChangedEvent = z.infer<typeof tradingStateChangedEventSchema>;

export const alertFiringEventSchema = eventBaseSchema.extend({
  type: z.literal('alert.firing'),
  alert: alertSchema,
});
export type AlertFiringEvent = z.infer<typeof alertFiringEventSchema>;

export const alertClearedEventSchema = eventBaseSchema.extend({
  type: z.literal('alert.cleared'),
  alertId: z.string(),
});
export type AlertClearedEvent = z.infer<typeof alertClearedEventSchema>;

export const ordersChangedEventSchema = eventBaseSchema.extend({
  type: z.literal('orders.changed'),
  openOrders: z.int().min(0),
  positions: z.array(positionSchema),
});
export type OrdersChangedEvent = z.infer<typeof ordersChangedEventSchema>;

export const sourceProblemsEventSchema = eventBaseSchema.extend({
  type: z.literal('sources.problems'),
  problems: z.array(sourceProblemSchema),
});
export type SourceProblemsEvent = z.infer<typeof sourceProblemsEventSchema>;

// Discriminated on `type` so that a bad event is reported against its own shape (or as an
// unknown type), not as "matched none of nine alternatives".
export const streamEventSchema = z.discriminatedUnion('type', [
  resetEventSchema,
  serviceChangedEventSchema,
  servicesCheckedEventSchema,
  venuesChangedEventSchema,
  metricsWindowEventSchema,
  tradingStateChangedEventSchema,
  alertFiringEventSchema,
  alertClearedEventSchema,
  ordersChangedEventSchema,
  sourceProblemsEventSchema,
]);
export type StreamEvent = z.infer<typeof streamEventSchema>;
export type StreamEventType = StreamEvent['type'];

export const heartbeatSchema = z.object({
  type: z.literal('heartbeat'),
  at: timestampSchema,
});
export type Heartbeat = z.infer<typeof heartbeatSchema>;

export const eventPageSchema = z.object({
  instance: z.string().min(1),
  events: z.array(streamEventSchema),
  lastEventId: z.int().min(0),
  gap: z.boolean(),
});
export type EventPage = z.infer<typeof eventPageSchema>;

// --- Planned controls (#4).

export const controlRequestSchema = z.strictObject({
  reason: z.string().min(1).max(2000),
  venueId: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type ControlRequest = z.infer<typeof controlRequestSchema>;

export const controlReceiptSchema = z.object({
  commandId: z.string(),
  idempotencyKey: z.string(),
  controlId: controlIdSchema,
  venueId: z.string().nullable(),
  outcome: z.enum(['accepted', 'duplicate']),
  operator: z.string(),
  receivedAt: timestampSchema,
  expectedTradingState: tradingStateNameSchema.nullable(),
});
export type ControlReceipt = z.infer<typeof controlReceiptSchema>;

export const operatorSchema = z.object({
  operator: z.string(),
  controls: z.array(controlIdSchema),
});
export type Operator = z.infer<typeof operatorSchema>;

export const executedCommandSchema = z.object({
  commandId: z.string(),
  idempotencyKey: z.string(),
  controlId: controlIdSchema,
  venueId: z.string().nullable(),
  operator: z.string(),
  reason: z.string(),
  executedAt: timestampSchema,
});
export type ExecutedCommand = z.infer<typeof executedCommandSchema>;

// --- Drill control (simulator only): the simulator host validates its request bodies with these.

export const scenarioNameSchema = z.enum([
  'normal',
  'exchange-outage',
  'system-crash',
  'latency-degradation',
  'error-storm',
  'risk-alert-storm',
  'db-pool-exhaustion',
  'security-breach',
]);
export type ScenarioName = z.infer<typeof scenarioNameSchema>;

export const scenarioStartSchema = z.strictObject({
  name: scenarioNameSchema,
  venueId: z.string().optional(),
});
export type ScenarioStart = z.infer<typeof scenarioStartSchema>;

export const faultKindSchema = z.enum([
  'down',
  'slow',
  'http-500',
  'malformed-json',
  'schema-violation',
  'stream-drop',
]);
export type FaultKind = z.infer<typeof faultKindSchema>;

export const faultSchema = z.strictObject({
  kind: faultKindSchema,
  delayMs: z.int().min(0).max(120_000).optional(),
});
export type Fault = z.infer<typeof faultSchema>;

export const clockCommandSchema = z.strictObject({
  paused: z.boolean().optional(),
  speed: z.number().gt(0).max(1000).optional(),
  advanceMs: z.int().min(0).max(86_400_000).optional(),
});
export type ClockCommand = z.infer<typeof clockCommandSchema>;

export const simStateSchema = z.object({
  seed: z.int(),
  now: timestampSchema,
  speed: z.number(),
  paused: z.boolean(),
  scenarios: z.array(scenarioNameSchema),
  fault: faultSchema.nullable(),
  lastEventId: z.int(),
});
export type SimState = z.infer<typeof simStateSchema>;

/**
 * Every schema above under its name in `components.schemas`, for code that picks a schema by
 * name and for the checks that bind this file to the document (schemas.typecheck.ts and
 * constraints.test.ts).
 */
export const componentSchemas = {
  Problem: problemSchema,
  Timestamp: timestampSchema,
  SystemInfo: systemInfoSchema,
  ManualControl: manualControlSchema,
  SectionName: sectionNameSchema,
  NotOffered: notOfferedSchema,
  Thresholds: thresholdsContractSchema,
  SlaFigure: slaFigureSchema,
  SeverityTimers: severityTimersSchema,
  IncidentPolicy: incidentPolicySchema,
  SystemSummary: systemSummarySchema,
  SystemList: systemListSchema,
  Health: healthSchema,
  Service: serviceSchema,
  LatencyUnit: latencyUnitSchema,
  Latency: latencySchema,
  MetricWindow: metricWindowSchema,
  Metrics: metricsSchema,
  Connection: connectionSchema,
  Venue: venueSchema,
  TradingStateName: tradingStateNameSchema,
  TradingState: tradingStateSchema,
  AlertSeverity: alertSeveritySchema,
  Alert: alertSchema,
  AlertSilence: alertSilenceSchema,
  Position: positionSchema,
  Snapshot: snapshotSchema,
  EventBase: eventBaseSchema,
  ResetEvent: resetEventSchema,
  ServiceChangedEvent: serviceChangedEventSchema,
  ServicesCheckedEvent: servicesCheckedEventSchema,
  VenuesChangedEvent: venuesChangedEventSchema,
  MetricsWindowEvent: metricsWindowEventSchema,
  TradingStateChangedEvent: tradingStateChangedEventSchema,
  AlertFiringEvent: alertFiringEventSchema,
  AlertClearedEvent: alertClearedEventSchema,
  OrdersChangedEvent: ordersChangedEventSchema,
  SourceProblem: sourceProblemSchema,
  SourceProblemsEvent: sourceProblemsEventSchema,
  StreamEvent: streamEventSchema,
  Heartbeat: heartbeatSchema,
  EventPage: eventPageSchema,
  ControlId: controlIdSchema,
  ControlRequest: controlRequestSchema,
  ControlReceipt: controlReceiptSchema,
  Operator: operatorSchema,
  ExecutedCommand: executedCommandSchema,
  ScenarioName: scenarioNameSchema,
  ScenarioStart: scenarioStartSchema,
  FaultKind: faultKindSchema,
  Fault: faultSchema,
  ClockCommand: clockCommandSchema,
  SimState: simStateSchema,
} as const;
export type ComponentName = keyof typeof componentSchemas;
