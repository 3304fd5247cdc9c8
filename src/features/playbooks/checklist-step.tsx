import { useId } from 'react';
import type { Incident } from '../../../contract/store-schemas.ts';
import { CommandToRun } from '../../components/ui/command-to-run.tsx';
import { formatClock } from '../../lib/format.ts';
import { commandsOf } from '../../playbooks/playbook.ts';
import type { Playbook, Step } from '../../playbooks/playbook.ts';
import { fillCommand, jumpTarget } from './checklist-model.ts';
import type { Ticks } from './checklist-model.ts';
import { StepControl } from './step-control.tsx';

export interface StepContext {
  incident: Incident;
  /** The playbook shown: ticks (including those a confirmed control makes) belong to it. */
  playbookId: string;
  ticks: Ticks;
  /** Steps a taken jump passed over (see skippedSteps). */
  skipped: ReadonlySet<string>;
  /** Where jumps lead. */
  playbook: Pick<Playbook, 'phases'>;
  onTick: (stepId: string, ticked: boolean) => void;
}

/** A step: tick box with who and when, owner, command to copy, control to fire, branches. */
export function ChecklistStep({ step, ctx }: { step: Step; ctx: StepContext }) {
  const boxId = useId();
  const tick = ctx.ticks.get(step.id);
  const skipped = ctx.skipped.has(step.id);
  const commands = commandsOf(step).map((c) => fillCommand(c, ctx.incident));
  const tone = tick ? 'text-slate-400 line-through' : skipped ? 'text-slate-500' : 'text-white';
  return (
    <li aria-label={step.text} data-skipped={skipped || undefined} className="flex flex-col gap-1">
      <div className="flex items-start gap-2">
        <input
          id={boxId}
          type="checkbox"
          className="mt-1"
          checked={tick !== undefined}
          onChange={(e) => ctx.onTick(step.id, e.target.checked)}
        />
        <label htmlFor={boxId} className={tone}>
          {step.text}
        </label>
        {skipped && (
          <span className="shrink-0 rounded bg-slate-700 px-1.5 text-xs font-bold text-slate-200">
            Skipped
          </span>
        )}
        {step.verification && (
          <span className="rounded bg-emerald-800 px-1.5 text-xs font-bold text-white">Verification</span>
        )}
      </div>
      <p className="pl-6 text-xs text-slate-400">
        {step.owner && <span>Owner: {step.owner.replaceAll('-', ' ')}</span>}
        {tick && (
          <span className="ml-2 text-emerald-300">
            Ticked by {tick.by} {tick.at ? `at ${formatClock(Date.parse(tick.at))}` : '(sending…)'}
          </span>
        )}
      </p>
      {step.jump && (
        <p className="pl-6 text-xs text-sky-300">
          ↪ Goes to {jumpTarget(ctx.playbook, step.jump)}
          {tick ? ': the steps in between are skipped' : ''}
        </p>
      )}
      {commands.map((command, i) => (
        <CommandToRun
          key={i}
          command={command}
          copyLabel={commands.length > 1 ? `Copy command ${i + 1} of ${commands.length}` : undefined}
          className="pl-6"
        />
      ))}
      {step.control && <StepControl control={step.control} stepId={step.id} reason={step.text} ctx={ctx} />}
      {step.branches?.map((branch) => (
        <div key={branch.when} className="ml-6 border-l border-slate-600 pl-2">
          <p className="text-xs font-semibold text-amber-200">When {branch.when}:</p>
          <ul className="flex flex-col gap-2">
            {branch.steps.map((s) => (
              <ChecklistStep key={s.id} step={s} ctx={ctx} />
            ))}
          </ul>
        </div>
      ))}
    </li>
  );
}
