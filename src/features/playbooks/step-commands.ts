import { useEffect } from 'react';
import { create } from 'zustand';
import { useCommands } from '../../controls/command-center.ts';
import { useWarRoomWrites } from '../../warroom/writes.ts';

// Which command each checklist step fired, kept apart from the step's component: a command can
// take seconds to be confirmed, and meanwhile the commander may switch incidents, fold the
// column or pick another playbook. The confirmation must still tick the step. Client state (what
// this browser fired), so zustand; the commands themselves live in the command center.

interface Fired {
  incidentId: string;
  /** The playbook the step belongs to: the tick is for it, whatever the incident follows by then. */
  playbookId: string;
  stepId: string;
  key: string;
  /** The step was ticked for this command: the step still shows how its command fared. */
  ticked: boolean;
}

const useFired = create<{ fired: Record<string, Fired> }>()(() => ({ fired: {} }));

const slot = (incidentId: string, stepId: string) => `${incidentId}\u0000${stepId}`;

export const stepCommandActions = {
  fired(incidentId: string, playbookId: string, stepId: string, key: string): void {
    const entry: Fired = { incidentId, playbookId, stepId, key, ticked: false };
    useFired.setState((s) => ({ fired: { ...s.fired, [slot(incidentId, stepId)]: entry } }));
  },
  ticked(incidentId: string, stepId: string, key: string): void {
    useFired.setState((s) => {
      const fired = s.fired[slot(incidentId, stepId)];
      if (fired?.key !== key) return s;
      return { fired: { ...s.fired, [slot(incidentId, stepId)]: { ...fired, ticked: true } } };
    });
  },
};

/** The key of the command this step fired last, if it is still being followed. */
export const useStepCommandKey = (incidentId: string, stepId: string): string | null =>
  useFired((s) => s.fired[slot(incidentId, stepId)]?.key ?? null);

/** Tests start from a clean slate. */
export const resetStepCommands = () => useFired.setState({ fired: {} });

/**
 * Ticks each step whose command the trading system confirmed, whether or not the step is on
 * screen. Mounted once, with the checklist panel (which stays mounted while folded).
 */
export function useTickConfirmedSteps(): void {
  const fired = useFired((s) => s.fired);
  const commands = useCommands();
  const writes = useWarRoomWrites();
  useEffect(() => {
    for (const f of Object.values(fired)) {
      const command = commands.find((c) => c.key === f.key);
      if (f.ticked || command?.phase !== 'confirmed') continue;
      stepCommandActions.ticked(f.incidentId, f.stepId, f.key);
      writes.tickStep(f.incidentId, f.stepId, true, f.playbookId);
    }
  }, [fired, commands, writes]);
}
