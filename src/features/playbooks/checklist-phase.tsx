import type { Phase } from '../../playbooks/playbook.ts';
import { phaseTiming, windowText } from './checklist-model.ts';
import { ChecklistStep } from './checklist-step.tsx';
import type { StepContext } from './checklist-step.tsx';

/** One phase: its window against the time since declaration, current or overdue, and its steps. */
export function ChecklistPhase({
  phase,
  elapsedMin,
  ctx,
}: {
  phase: Phase;
  elapsedMin: number;
  ctx: StepContext;
}) {
  const { current, overdue } = phaseTiming(phase, elapsedMin, ctx.ticks);
  const tone = current ? 'border-sky-400 bg-sky-950' : overdue ? 'border-red-500' : 'border-slate-700';
  return (
    <section
      aria-label={phase.title}
      aria-current={current ? 'step' : undefined}
      data-overdue={overdue || undefined}
      className={`rounded border p-2 ${tone}`}
    >
      <header className="mb-1 flex flex-wrap items-baseline gap-2">
        <h3 className="font-semibold text-white">{phase.title}</h3>
        <span className="text-slate-400">{windowText(phase.window)}</span>
        {current && (
          <span className="rounded bg-sky-600 px-1.5 text-xs font-bold text-white">
            Current · minute {Math.floor(elapsedMin)}
          </span>
        )}
        {overdue && <span className="rounded bg-red-700 px-1.5 text-xs font-bold text-white">Overdue</span>}
      </header>
      <ul className="flex flex-col gap-2">
        {phase.steps.map((step) => (
          <ChecklistStep key={step.id} step={step} ctx={ctx} />
        ))}
      </ul>
    </section>
  );
}
