// How a validated control plan acts on the engine. Kept apart from the Simulator, which decides
// whether a command runs at all (offered, valid, not a resend); this decides what running it does.
import type { ControlPlan } from './controls.ts';
import type { Engine } from './engine.ts';

/** Carries out a plan at `at`; true when it changed something that events must report now. */
export function executePlan(
  e: Engine,
  plan: ControlPlan,
  operator: string,
  reason: string,
  at: number,
): boolean {
  switch (plan.kind) {
    case 'trading-state':
      return e.setTradingState(plan.target, operator, reason, at, plan.reduction);
    case 'venue-cancel-all':
      e.venues.cancelVenue(plan.venueId);
      return true;
    case 'venue-disable':
      e.venues.disable(plan.venueId, at + plan.durationMs);
      return true;
    case 'venue-reconnect':
      return e.reconnectVenue(plan.venueId, at);
    // The modes are not in the contract's events: nothing to report.
    case 'routing-conservative':
      e.modes.routeConservatively(at + plan.durationMs);
      return false;
    case 'regime-manual':
      e.modes.fixRegime(plan.regime, at, at + plan.durationMs);
      return false;
  }
}
