import { useId } from 'react';
import { controlIdSchema } from '../../../../contract/schemas.ts';
import { controlById } from '../../../controls/registry.ts';
import { stepOwnerSchema } from '../../../playbooks/playbook.ts';
import type { Playbook, Step } from '../../../playbooks/playbook.ts';
import { jumpTarget } from '../checklist-model.ts';
import type { StepPath } from './draft-edits.ts';

export type StepChange = (path: StepPath, change: (step: Step) => Step | null) => void;

const field = 'rounded border border-slate-600 bg-slate-950 px-2 py-1 text-white';

/**
 * One imported step, editable: its words, its command (shown and edited as text, never run),
 * the control it fires (proposed by the importer, removable), whether it gates resuming.
 */
export function StepEditor({
  step,
  path,
  onChange,
  playbook,
}: {
  step: Step;
  path: StepPath;
  onChange: StepChange;
  /** The playbook it belongs to, to say where a jump leads. */
  playbook: Pick<Playbook, 'phases'>;
}) {
  const id = useId();
  const set = (patch: Partial<Step>) => onChange(path, (s) => ({ ...s, ...patch }));
  const without = (key: keyof Step) =>
    onChange(path, (s) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== key)) as Step);
  return (
    <li className="flex flex-col gap-1 rounded border border-slate-700 p-2" aria-label={`Step: ${step.text}`}>
      <div className="flex items-start gap-2">
        <label htmlFor={`${id}-text`} className="sr-only">
          Step text
        </label>
        <textarea
          id={`${id}-text`}
          rows={Math.max(1, Math.min(4, Math.ceil(step.text.length / 90)))}
          value={step.text}
          maxLength={500}
          onChange={(e) => set({ text: e.target.value })}
          className={`min-w-0 flex-1 ${field}`}
        />
        <button
          type="button"
          onClick={() => onChange(path, () => null)}
          className="rounded border border-slate-600 px-2 py-1 text-xs text-slate-300 hover:border-red-400 hover:text-red-200"
        >
          Remove step
        </button>
      </div>
      {step.command !== undefined && (
        <>
          <label htmlFor={`${id}-cmd`} className="text-xs text-slate-400">
            Command (copied, never run)
          </label>
          <textarea
            id={`${id}-cmd`}
            rows={Math.max(1, Math.min(8, step.command.split('\n').length))}
            value={step.command}
            maxLength={2000}
            spellCheck={false}
            // Emptied, it stays an (empty) field until saving, so the command can be typed again.
            onChange={(e) => set({ command: e.target.value })}
            className={`font-mono text-xs ${field}`}
          />
        </>
      )}
      {step.commands?.map((command, i) => (
        <div key={i} className="flex flex-col gap-1">
          <label htmlFor={`${id}-cmd-${i}`} className="text-xs text-slate-400">
            Command {i + 1} of {step.commands?.length} (copied, never run)
          </label>
          <textarea
            id={`${id}-cmd-${i}`}
            rows={Math.max(1, Math.min(8, command.split('\n').length))}
            value={command}
            maxLength={2000}
            spellCheck={false}
            onChange={(e) =>
              set({ commands: (step.commands ?? []).map((c, j) => (j === i ? e.target.value : c)) })
            }
            className={`font-mono text-xs ${field}`}
          />
        </div>
      ))}
      {step.jump && (
        <p className="flex flex-wrap items-center gap-2 text-xs text-sky-300">
          <span>
            ↪ Goes to {jumpTarget(playbook, step.jump)}: ticking it marks the steps in between skipped.
          </span>
          <button
            type="button"
            onClick={() => without('jump')}
            className="rounded border border-slate-600 px-1.5 py-0.5 text-slate-300 hover:border-red-400"
          >
            Remove jump
          </button>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3 text-xs text-slate-300">
        <label className="flex items-center gap-1">
          Fires
          <select
            value={step.control?.id ?? ''}
            onChange={(e) => {
              const parsed = controlIdSchema.safeParse(e.target.value);
              if (!parsed.success) return without('control');
              set({
                control: {
                  id: parsed.data,
                  ...(controlById(parsed.data).scope === 'venue' ? { venue: true } : {}),
                },
              });
            }}
            className={field}
          >
            <option value="">no control</option>
            {controlIdSchema.options.map((c) => (
              <option key={c} value={c}>
                {controlById(c).label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          Owner
          <select
            value={step.owner ?? ''}
            onChange={(e) => {
              const owner = stepOwnerSchema.safeParse(e.target.value);
              if (owner.success) set({ owner: owner.data });
              else without('owner');
            }}
            className={field}
          >
            <option value="">not named</option>
            {stepOwnerSchema.options.map((o) => (
              <option key={o} value={o}>
                {o.replaceAll('-', ' ')}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={step.verification === true}
            onChange={(e) => (e.target.checked ? set({ verification: true }) : without('verification'))}
          />
          Verification (gates resuming trading)
        </label>
      </div>
      {step.branches?.map((branch, b) => (
        <div key={`${b}-${branch.when}`} className="ml-4 border-l border-slate-600 pl-2">
          <p className="text-xs font-semibold text-amber-200">Branch — when {branch.when}:</p>
          <ul className="flex flex-col gap-1">
            {branch.steps.map((s, i) => (
              <StepEditor
                key={s.id}
                step={s}
                path={[...path, b, i]}
                onChange={onChange}
                playbook={playbook}
              />
            ))}
          </ul>
        </div>
      ))}
    </li>
  );
}
