import { incidentTypeSchema } from '../../../../contract/store-schemas.ts';
import type { Draft } from '../../../playbooks/import/finish.ts';
import type { Phase, Playbook } from '../../../playbooks/playbook.ts';
import { changeStep, draftProblems, patchPhase } from './draft-edits.ts';
import type { SaveFailure } from './runbook-import.tsx';
import { branchCounts, DraftDetails } from './draft-details.tsx';
import { StepEditor } from './step-editor.tsx';
import { SystemField } from './system-field.tsx';

const field = 'rounded border border-slate-600 bg-slate-950 px-2 py-1 text-white';

/**
 * A phase's time window in minutes since the declaration: both empty for none, "to" empty for
 * open-ended ("60+ minutes"). A window the importer misread can be put right here.
 */
function WindowFields({
  window,
  onChange,
}: {
  window: Phase['window'];
  onChange: (w: Phase['window']) => void;
}) {
  const number = (value: string) => (value.trim() === '' ? null : Math.max(0, Math.round(Number(value))));
  const set = (from: number | null, to: number | null) =>
    onChange(from === null ? null : { from, to: to !== null && to > from ? to : null });
  return (
    <span className="flex items-center gap-1 text-xs text-slate-400">
      <input
        aria-label="Window from (minutes)"
        type="number"
        min={0}
        value={window?.from ?? ''}
        onChange={(e) => set(number(e.target.value), window?.to ?? null)}
        className="w-16 rounded border border-slate-600 bg-slate-950 px-1 py-0.5 text-white"
      />
      –
      <input
        aria-label="Window to (minutes)"
        type="number"
        min={0}
        value={window?.to ?? ''}
        disabled={window === null}
        onChange={(e) => set(window?.from ?? 0, number(e.target.value))}
        className="w-16 rounded border border-slate-600 bg-slate-950 px-1 py-0.5 text-white disabled:opacity-50"
      />
      min
    </span>
  );
}

/** One playbook found in the runbook: include it or not, and edit it before it is saved. */
export function DraftEditor({
  draft,
  onSelect,
  onChange,
  failure,
  onReplace,
  systems,
}: {
  draft: Draft;
  onSelect: (selected: boolean) => void;
  onChange: (playbook: Playbook) => void;
  /** Why saving it failed last time, if it did. */
  failure?: SaveFailure | undefined;
  onReplace: (revision: number) => void;
  /** The system ids to offer for it (see SystemField). */
  systems: readonly string[];
}) {
  const { playbook } = draft;
  const problems = draftProblems(playbook);
  const steps = playbook.phases.reduce((n, p) => n + p.steps.length, 0);
  const { branches, jumps } = branchCounts(playbook);
  return (
    <article
      aria-label={`Imported playbook: ${playbook.title}`}
      className={`rounded-lg border p-3 ${draft.selected ? 'border-sky-700 bg-slate-900' : 'border-slate-800 bg-slate-950 opacity-75'}`}
    >
      <header className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 font-semibold text-white">
          <input type="checkbox" checked={draft.selected} onChange={(e) => onSelect(e.target.checked)} />
          Save this one
        </label>
        <label className="flex min-w-0 flex-1 items-center gap-2 text-sm text-slate-300">
          Title
          <input
            value={playbook.title}
            maxLength={160}
            onChange={(e) => onChange({ ...playbook, title: e.target.value })}
            className={`min-w-0 flex-1 text-base font-semibold ${field}`}
          />
        </label>
        <span className="text-xs text-slate-400">
          line {draft.line} · {playbook.phases.length} phases · {steps} steps
          {branches ? ` · ${branches} ${branches === 1 ? 'branch' : 'branches'}` : ''}
          {jumps ? ` · ${jumps} ${jumps === 1 ? 'jump' : 'jumps'}` : ''}
          {playbook.severity ? ` · ${playbook.severity}` : ''}
        </span>
      </header>
      {failure && (
        <div
          role="alert"
          className="mt-2 flex flex-wrap items-center gap-2 rounded bg-red-950 px-2 py-1 text-sm text-red-200"
        >
          <span>Not saved: {failure.error}</span>
          {failure.replaces !== undefined && (
            <button
              type="button"
              onClick={() => onReplace(failure.replaces ?? 0)}
              className="rounded border border-red-400 px-2 py-0.5 font-semibold text-white"
            >
              Replace the saved one
            </button>
          )}
        </div>
      )}
      {problems.length > 0 && (
        <ul role="alert" aria-label="Problems to fix before saving" className="mt-2 text-sm text-amber-300">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <DraftDetails playbook={playbook} />
      <fieldset className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-300">
        <legend className="sr-only">Suggested for incident types</legend>
        <span>Suggested for:</span>
        {incidentTypeSchema.options.map((type) => (
          <label
            key={type}
            className={`flex items-center gap-1 rounded border px-1.5 py-0.5 ${playbook.incidentTypes.includes(type) ? 'border-sky-400 bg-sky-900 text-white' : 'border-slate-700 text-slate-400'}`}
          >
            <input
              type="checkbox"
              className="sr-only"
              checked={playbook.incidentTypes.includes(type)}
              onChange={(e) =>
                onChange({
                  ...playbook,
                  incidentTypes: e.target.checked
                    ? [...playbook.incidentTypes, type]
                    : playbook.incidentTypes.filter((t) => t !== type),
                })
              }
            />
            {type.replaceAll('-', ' ')}
          </label>
        ))}
      </fieldset>
      <details className="mt-2" open={draft.selected}>
        <summary className="cursor-pointer text-sm text-sky-300">Phases and steps</summary>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-xs text-slate-300">
          <SystemField
            value={playbook.system}
            choices={systems}
            onChange={(system) => onChange({ ...playbook, system })}
            className={field}
          />
          <label className="flex items-center gap-1">
            Severity
            <input
              value={playbook.severity ?? ''}
              maxLength={10}
              placeholder="any"
              onChange={(e) => {
                const { severity: _old, ...rest } = playbook;
                onChange(e.target.value ? { ...rest, severity: e.target.value } : rest);
              }}
              className={`w-20 ${field}`}
            />
          </label>
        </div>
        <label className="mt-2 flex flex-col gap-1 text-xs text-slate-300">
          Summary
          <textarea
            value={playbook.summary}
            rows={2}
            maxLength={600}
            onChange={(e) => onChange({ ...playbook, summary: e.target.value })}
            className={`text-sm ${field}`}
          />
        </label>
        <ol className="mt-2 flex flex-col gap-3">
          {playbook.phases.map((phase, p) => (
            <li key={phase.id} aria-label={`Phase: ${phase.title}`} className="flex flex-col gap-1">
              <div className="flex items-center gap-2">
                <input
                  aria-label="Phase title"
                  value={phase.title}
                  maxLength={120}
                  onChange={(e) => onChange(patchPhase(playbook, p, { title: e.target.value }))}
                  className={`min-w-0 flex-1 font-semibold ${field}`}
                />
                <WindowFields
                  window={phase.window}
                  onChange={(window) => onChange(patchPhase(playbook, p, { window }))}
                />
              </div>
              <ul className="flex flex-col gap-1 pl-2">
                {phase.steps.map((step, s) => (
                  <StepEditor
                    key={step.id}
                    step={step}
                    path={[p, s]}
                    playbook={playbook}
                    onChange={(path, change) => onChange(changeStep(playbook, path, change))}
                  />
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </details>
    </article>
  );
}
