import { useEffect, useRef } from 'react';
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
  const { current, overdue } = phaseTiming(phase, elapsedMin, ctx.ticks, ctx.skipped);
  const ref = useRef<HTMLElement>(null);
  // When a phase becomes current (on opening, or as the clock moves on) it is brought into the
  // checklist's view once; after that the commander's own scrolling is left alone.
  useEffect(() => {
    const el = ref.current;
    if (current && el && isFocusPhase(el) && !headerInView(el)) el.scrollIntoView?.({ block: 'start' });
  }, [current]);
  const tone = current ? 'border-sky-400 bg-sky-950' : overdue ? 'border-red-500' : 'border-slate-700';
  return (
    <section
      ref={ref}
      aria-label={phase.title}
      aria-current={current ? 'step' : undefined}
      data-window-from={phase.window?.from}
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

/**
 * Several phases can be current at once — a communication phase runs beside the timed ones for
 * the whole incident — so only one is scrolled to: the one that started last (where the work has
 * just moved), the first of them on a tie. Read from the rendered siblings, which React has
 * already updated when effects run.
 */
function isFocusPhase(el: HTMLElement): boolean {
  const from = (e: Element) => Number(e.getAttribute('data-window-from') ?? -1);
  const current = [...(el.parentElement?.children ?? [])].filter(
    (e) => e.getAttribute('aria-current') === 'step',
  );
  const focus = current.reduce<Element | null>(
    (best, e) => (best === null || from(e) > from(best) ? e : best),
    null,
  );
  return focus === el;
}

/** Whether the phase's title and first step already show in the list that scrolls around it. */
function headerInView(el: HTMLElement): boolean {
  const box = el.parentElement?.getBoundingClientRect();
  const { top } = el.getBoundingClientRect();
  return box !== undefined && box.height > 0 && top >= box.top && top <= box.bottom - 80;
}
