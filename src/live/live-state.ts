import type {
  Alert,
  Metrics,
  Position,
  Service,
  SystemInfo,
  TradingState,
  Venue,
} from '../../contract/schemas.ts';

/**
 * The parts of the trading system's state that panels show. Each is validated on its own, so a
 * payload that breaks one part (a venue with an unknown connection state) costs only the panel
 * that shows it: every other panel keeps working.
 */
export type Section = 'tradingState' | 'services' | 'venues' | 'metrics' | 'alerts' | 'orders';

export interface SectionProblem {
  /** What was wrong, in words: "venues[2].connection: expected one of …, got "UP"". */
  message: string;
  /** Client time (ms) the section last held valid data: what it shows is as of then. */
  since: number;
  /** `source`: the war-room server could not read it from the system (else: we could not parse it). */
  origin?: 'source';
}

export interface Orders {
  openOrders: number;
  positions: Position[];
}

/** What the dashboard holds of the trading system: kept in the query cache, read by every panel. */
export interface LiveState {
  system: SystemInfo;
  instance: string;
  /** The last event folded in; the stream resumes after it. */
  eventId: number;
  /** The trading system's clock at that event. */
  asOf: string;
  /** Null only when the section has never arrived valid. */
  tradingState: TradingState | null;
  services: Service[] | null;
  venues: Venue[] | null;
  metrics: Metrics | null;
  alerts: Alert[] | null;
  orders: Orders | null;
  problems: Partial<Record<Section, SectionProblem>>;
  /** Client time (ms) valid data was last folded in: a section that breaks was valid until then. */
  confirmedAt: number;
}

export const SECTIONS: readonly Section[] = [
  'tradingState',
  'services',
  'venues',
  'metrics',
  'alerts',
  'orders',
];
