import { useState } from 'react';
import { HoldButton } from '../../components/ui/hold-button.tsx';
import { useRuntimeConfig } from '../../config/config-context.tsx';
import { useCommands } from '../../controls/command-center.ts';
import { useCommandCenter } from '../../controls/controls-provider.tsx';
import { controlById } from '../../controls/registry.ts';
import { useStatus } from '../../live/status-query.ts';
import type { Step } from '../../playbooks/playbook.ts';
import { useWarRoomSession } from '../../session/war-room-session.ts';
import { useResumeGate, verifiedReason } from '../../controls/resume-gate.ts';
import type { StepContext } from './checklist-step.tsx';
import { stepCommandActions, useStepCommandKey } from './step-commands.ts';

/**
 * Fires the step's declared control with its own gesture and shows how the command fares. The
 * step is ticked once the trading system confirms the command (useTickConfirmedSteps), and only
 * then.
 */
export function StepControl(props: StepControlProps) {
  return props.control.id === 'resume' ? <GatedResumeStep {...props} /> : <StepCommand {...props} />;
}

interface StepControlProps {
  control: NonNullable<Step['control']>;
  stepId: string;
  reason: string;
  ctx: StepContext;
}

/**
 * A step that resumes trading is held to the same gate as the control bar's Resume: it fires only
 * once the playbook's verification checks are ticked, with the reason saying so. An override
 * stays where it is recorded with its own reason, in the control bar.
 */
function GatedResumeStep(props: StepControlProps) {
  const { gate } = useResumeGate();
  if (gate.kind === 'gated' && gate.progress.complete)
    return <StepCommand {...props} firedReason={verifiedReason(gate)} />;
  const why =
    gate.kind === 'gated'
      ? `${gate.progress.ticked} of ${gate.progress.total} verification checks ticked`
      : gate.why;
  return (
    <StepCommand
      {...props}
      gatedBy={`${why}: resume from here once they pass, or override in the control bar`}
    />
  );
}

function StepCommand({
  control,
  stepId,
  reason,
  ctx,
  firedReason,
  gatedBy = null,
}: StepControlProps & { firedReason?: string; gatedBy?: string | null }) {
  const center = useCommandCenter();
  const { person } = useWarRoomSession();
  const commands = useCommands();
  const { holdMs } = useRuntimeConfig().controls;
  const key = useStepCommandKey(ctx.incident.id, stepId);
  const [problem, setProblem] = useState<string | null>(null);
  const declaration = controlById(control.id);
  const named = control.venue ? ctx.incident.affectedVenues[0] : undefined;
  // Incidents name venues as the board shows them ("Binance"); controls take the venue's id.
  // Without a live venue list the name is tried as it is: the trading system will say if it is wrong.
  const venueId = useStatus((s) => named && venueIdFor(named, s.venues ?? [])) ?? named;
  const blocked = gatedBy ?? (control.venue && !venueId ? 'the incident names no affected venue' : null);
  const command = key === null ? null : (commands.find((c) => c.key === key) ?? null);
  const phase = command?.phase ?? null;

  const fire = () => {
    if (blocked) return;
    const result = center?.fire(
      control.id,
      venueId ? { venueId } : {},
      firedReason ?? `${ctx.incident.id}: ${reason}`,
    );
    if (!result) return setProblem('The controls are not ready yet.');
    if (!result.ok) return setProblem(result.error);
    setProblem(null);
    // Followed outside this component: the step ticks on confirmation even if it is gone by then.
    stepCommandActions.fired(ctx.incident.id, ctx.playbookId, stepId, result.command.key);
  };
  const label = `${declaration.label}${venueId ? ` on ${venueId}` : ''}`;
  const className =
    'rounded border border-amber-300 bg-amber-700 px-2 py-1 text-xs font-semibold text-white aria-disabled:opacity-40';

  return (
    <div className="flex flex-wrap items-center gap-2 pl-6">
      {person && person.role !== 'commander' ? (
        // A viewer watches: the step says what it fires, with nothing to press.
        <span className="rounded border border-slate-500 px-2 py-1 text-xs text-slate-300">
          {label} — view only
        </span>
      ) : declaration.gesture === 'hold' ? (
        <HoldButton holdMs={holdMs} onFire={fire} disabled={!!blocked} className={className}>
          {label}
        </HoldButton>
      ) : (
        <button type="button" aria-disabled={blocked ? true : undefined} className={className} onClick={fire}>
          {label}
        </button>
      )}
      {phase && (
        <span role="status" data-phase={phase} className="text-xs text-slate-300">
          {label}: {phase.toUpperCase()}
          {command?.problem && ` — ${command.problem}`}
        </span>
      )}
      {(problem ?? blocked) && <span className="text-xs text-amber-300">{problem ?? blocked}</span>}
    </div>
  );
}

/** The id of the venue an incident names, by id or by its name on the board. */
function venueIdFor(named: string, venues: readonly { id: string; name: string }[]): string | undefined {
  const wanted = named.toLowerCase();
  return venues.find((v) => v.id === named)?.id ?? venues.find((v) => v.name.toLowerCase() === wanted)?.id;
}
