import type { ControlId, SectionName, SystemInfo, TradingStateName } from '../../contract/schemas.ts';
import type { LiveState } from '../live/live-state.ts';
import { notOfferedReason } from '../live/not-offered.ts';
import type { CommandScope } from './command-machine.ts';

/**
 * Every trading control, declared once. The control bar, the checklist steps that perform an
 * action, the keyboard shortcuts and the drills all read these declarations, so a control
 * behaves, previews and verifies the same way wherever it is fired from.
 */
export interface ControlDeclaration {
  id: ControlId;
  label: string;
  /** What it does, in one line, for tooltips and checklist steps. */
  summary: string;
  scope: 'system' | 'venue';
  /** `hold`: one deliberate press-and-hold (kill switch, halt). `click`: an ordinary button. */
  gesture: 'hold' | 'click';
  tone: 'critical' | 'warning' | 'neutral';
  /** Alt + this key focuses the control (holding Enter or Space then fires a hold control). */
  shortcut?: string;
  /** A resume must say why it is safe: the reason is required, and recorded. */
  needsReason?: boolean;
  /** Parameters the API takes for it (e.g. the LAV/ADAF seed's 50 % reduction over 300 s). */
  params?: Record<string, unknown>;
  /** Why it cannot be used right now, or null when it can. */
  unavailable(state: LiveState, scope: CommandScope): string | null;
  /** What it will touch, shown on hover and focus before anyone commits to it. */
  preview(state: LiveState, scope: CommandScope): string[];
  /** Whether the live state shows the effect; null when nothing observable can prove it. */
  isDone(state: LiveState, scope: CommandScope): boolean | null;
  /** False when nothing in the live state can show the effect: such a command is never "confirmed". */
  verifiable: boolean;
  /** The part of the live state `isDone` reads: a system that does not offer it cannot confirm. */
  provenBy?: SectionName;
}

const tradingState = (s: LiveState) => s.tradingState?.state ?? null;
const venueOf = (s: LiveState, scope: CommandScope) => s.venues?.find((v) => v.id === scope.venueId) ?? null;

function exposure(s: LiveState): { orders: string; positions: (then: string) => string } {
  const venues = s.venues ?? [];
  const positions = s.orders?.positions.filter((p) => p.quantity !== 0) ?? [];
  const notional = positions.reduce((sum, p) => sum + p.notional, 0);
  // A system without positions says so, rather than "0 open positions".
  const lacking = notOfferedReason(s.system, 'positions');
  return {
    orders: `${s.orders?.openOrders ?? '?'} open orders on ${venues.length} venues`,
    positions: (then) =>
      lacking ??
      `${positions.length} open positions, ${Math.round(notional).toLocaleString('en-US')} notional${then}`,
  };
}

const system = (
  d: Omit<ControlDeclaration, 'scope' | 'isDone' | 'unavailable' | 'verifiable'> & {
    target: 'ACTIVE' | 'REDUCING' | 'HALTED' | 'KILLED';
    blockedIn: Partial<Record<TradingStateName, string>>;
  },
): ControlDeclaration => ({
  ...d,
  scope: 'system',
  unavailable: (s) => {
    const state = tradingState(s);
    // A system that reports no trading state at all must still be stoppable: let it be tried.
    if (state === null) return notOfferedReason(s.system, 'tradingState') ? null : 'trading state unknown';
    return d.blockedIn[state] ?? null;
  },
  isDone: (s) => tradingState(s) === d.target,
  verifiable: true,
  provenBy: 'tradingState',
});

export const controls: readonly ControlDeclaration[] = [
  system({
    id: 'kill-switch',
    label: 'Kill switch',
    summary: 'Cancel every open order on every venue and block all order flow (KILLED).',
    gesture: 'hold',
    tone: 'critical',
    shortcut: 'k',
    target: 'KILLED',
    blockedIn: { KILLED: 'already killed' },
    preview: (s) => [`cancels ${exposure(s).orders}`, exposure(s).positions(' stay open')],
  }),
  system({
    id: 'halt',
    label: 'Halt trading',
    summary: 'Stop sending new orders; cancels stay allowed (HALTED).',
    gesture: 'hold',
    tone: 'critical',
    shortcut: 'h',
    target: 'HALTED',
    blockedIn: { HALTED: 'already halted', KILLED: 'killed: all flow is already blocked' },
    preview: (s) => [`no new orders; ${exposure(s).orders} stay`, exposure(s).positions('')],
  }),
  system({
    id: 'reduce-positions',
    label: 'Reduce positions',
    summary: 'Only reduce: cut positions by half over 5 minutes (REDUCING).',
    gesture: 'click',
    tone: 'warning',
    params: { reductionPct: 0.5, timeframeS: 300 },
    target: 'REDUCING',
    blockedIn: {
      REDUCING: 'already reducing',
      KILLED: 'killed: resume first',
      HALTED: 'halted: resume first',
    },
    preview: (s) => [exposure(s).positions(' → halved over 5 min')],
  }),
  system({
    id: 'resume',
    label: 'Resume trading',
    summary: 'Back to normal trading (ACTIVE), once the checks say it is safe.',
    gesture: 'click',
    tone: 'neutral',
    needsReason: true,
    target: 'ACTIVE',
    blockedIn: { ACTIVE: 'already trading' },
    preview: () => ['new orders flow again on every enabled venue'],
  }),
  {
    id: 'venue-cancel-all',
    label: 'Cancel all orders',
    summary: 'Cancel every open order on this venue.',
    scope: 'venue',
    gesture: 'click',
    tone: 'warning',
    unavailable: (s, scope) => (venueOf(s, scope) ? null : 'unknown venue'),
    preview: (s, scope) => [
      `cancels ${venueOf(s, scope)?.openOrders ?? '?'} open orders on ${scope.venueId}`,
    ],
    isDone: (s, scope) => venueOf(s, scope)?.openOrders === 0,
    verifiable: true,
    provenBy: 'venues',
  },
  {
    id: 'venue-disable',
    label: 'Disable venue',
    summary: 'Stop routing orders to this venue for an hour.',
    scope: 'venue',
    gesture: 'click',
    tone: 'warning',
    params: { durationS: 3600 },
    unavailable: (s, scope) => (venueOf(s, scope)?.enabled === false ? 'already disabled' : null),
    preview: (s, scope) => [
      `no new orders to ${scope.venueId}; ${venueOf(s, scope)?.openOrders ?? '?'} open orders stay`,
    ],
    isDone: (s, scope) => venueOf(s, scope)?.enabled === false,
    verifiable: true,
    provenBy: 'venues',
  },
  {
    id: 'venue-reconnect',
    label: 'Reconnect',
    summary: 'Drop and re-establish the session with this venue.',
    scope: 'venue',
    gesture: 'click',
    tone: 'neutral',
    unavailable: (s, scope) => (venueOf(s, scope)?.connection === 'CONNECTED' ? 'already connected' : null),
    preview: (_s, scope) => [`reconnects the session with ${scope.venueId}`],
    isDone: (s, scope) => venueOf(s, scope)?.connection === 'CONNECTED',
    verifiable: true,
    provenBy: 'venues',
  },
];

/**
 * The seeds' other remote controls. Nothing in the canonical state shows their effect, so they
 * can be accepted but never confirmed: the dashboard says exactly that, and no more.
 */
const unobservable = (
  d: Omit<ControlDeclaration, 'unavailable' | 'isDone' | 'gesture' | 'verifiable'>,
): ControlDeclaration => ({
  ...d,
  gesture: 'click',
  verifiable: false,
  unavailable: (s, scope) =>
    d.scope === 'venue' && !s.venues?.some((v) => v.id === scope.venueId) ? 'unknown venue' : null,
  isDone: () => null,
});

export const otherControls: readonly ControlDeclaration[] = [
  unobservable({
    id: 'routing-conservative',
    label: 'Conservative routing',
    summary: 'Route only through the most reliable paths for a while (LAV/ADAF fill-rate drop).',
    scope: 'system',
    tone: 'neutral',
    params: { timeoutS: 60 },
    preview: () => ['order routing switches to conservative mode'],
  }),
  unobservable({
    id: 'venue-failover',
    label: 'Fail over',
    summary: "Move this venue's flow to its backup exchange (SMC exchange API failure).",
    scope: 'venue',
    tone: 'warning',
    preview: (_s, scope) => [`flow for ${scope.venueId} moves to its backup exchange`],
  }),
  unobservable({
    id: 'regime-manual',
    label: 'Manual regime',
    summary: 'Set the market regime by hand while the regime service is down (LAV/ADAF).',
    scope: 'system',
    tone: 'neutral',
    params: { regime: 'NORMAL_EXPANSION', durationS: 3600 },
    preview: () => ['strategies use a fixed, manually set market regime for an hour'],
  }),
  unobservable({
    id: 'maintenance-mode',
    label: 'Maintenance mode',
    summary: 'Put the system in maintenance mode (RTES traffic management).',
    scope: 'system',
    tone: 'warning',
    preview: () => ['clients are told the system is under maintenance'],
  }),
];

/**
 * Whether a command of this control can be confirmed on this system: the declaration must name an
 * observable effect, and the system must be able to show it — not listed as unconfirmable, and
 * offering the part of the state that proves it. The one place that decides; before the first
 * contact the system's word is unknown and the declaration alone decides.
 */
export function verifiableOn(declaration: ControlDeclaration, system: SystemInfo | undefined): boolean {
  if (!declaration.verifiable) return false;
  if ((system?.unconfirmable ?? []).includes(declaration.id)) return false;
  const proof = declaration.provenBy;
  return proof === undefined || notOfferedReason(system, proof) === null;
}

export function controlById(id: ControlId): ControlDeclaration {
  const found = controls.find((c) => c.id === id) ?? otherControls.find((c) => c.id === id);
  if (!found) throw new Error(`no control declared as "${id}"`);
  return found;
}
