// Local names for the contract's shapes: the model emits exactly what the API serves.
import type { components } from '../../contract/generated/openapi.ts';

type Schemas = components['schemas'];

export type Snapshot = Schemas['Snapshot'];
export type StreamEvent = Schemas['StreamEvent'];
export type SystemInfo = Schemas['SystemInfo'];
export type Service = Schemas['Service'];
export type Health = Schemas['Health'];
export type Venue = Schemas['Venue'];
export type Connection = Schemas['Connection'];
export type MetricWindow = Schemas['MetricWindow'];
export type Alert = Schemas['Alert'];
export type AlertSeverity = Schemas['AlertSeverity'];
export type Position = Schemas['Position'];
export type TradingState = Schemas['TradingState'];
export type TradingStateName = Schemas['TradingStateName'];
export type ScenarioName = Schemas['ScenarioName'];
export type ScenarioStart = Schemas['ScenarioStart'];
export type ControlId = Schemas['ControlId'];
export type ControlReceipt = Schemas['ControlReceipt'];
export type ExecutedCommand = Schemas['ExecutedCommand'];
/** The contract's page of missed events (the event log's own page has no instance). */
export type ApiEventPage = Schemas['EventPage'];
export type Environment = 'simulator' | 'drill';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What the model emits: any stream event but `reset` (the host's business), before id and time are stamped. */
export type EventBody = DistributiveOmit<Exclude<StreamEvent, { type: 'reset' }>, 'id' | 'at'>;

/** Stamps and records an event that happened at simulated time `at` (epoch ms). */
export type Emit = (at: number, body: EventBody) => void;
