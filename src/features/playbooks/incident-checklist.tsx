import { useState } from 'react';
import { formatAge } from '../../lib/format.ts';
import { useNow } from '../../lib/use-now.ts';
import { useChecklist, useIncident } from '../../warroom/incident-hooks.ts';
import { useIncidentSystems } from '../../warroom/incident-systems.ts';
import { usePlaybookCatalog } from '../../warroom/playbook-catalog.ts';
import type { PlaybookCatalogView } from '../../warroom/playbook-catalog.ts';
import {
  useDeclaredIds,
  useOutboxActions,
  usePendingWrites,
  useRefusedWrites,
} from '../../warroom/outbox-store.ts';
import { resolveId } from '../../warroom/pending.ts';
import { useWarRoomWrites } from '../../warroom/writes.ts';
import type { WriteResult } from '../../warroom/writes.ts';
import { ChecklistPhase } from './checklist-phase.tsx';
import { chosenPlaybookId, currentTicks, minutesSince, skippedSteps } from './checklist-model.ts';
import { ImportRunbookButton } from './import/import-runbook-button.tsx';
import { PlaybookPicker } from './playbook-picker.tsx';

/**
 * A playbook chosen (on this dashboard or another) that this one cannot show: said, rather than
 * offering a suggestion as if nothing had been chosen.
 */
function unavailableText(id: string, catalog: PlaybookCatalogView): string {
  if (catalog.isPending) return `This incident follows ${id}; the saved playbooks are still being read.`;
  if (catalog.error)
    return `This incident follows ${id}, which cannot be shown: the saved playbooks could not be read (${catalog.error.message}).`;
  return `This incident follows ${id}, which is neither in the library nor saved in the store.`;
}

export function IncidentChecklist({ incidentId }: { incidentId: string }) {
  const { incident } = useIncident(incidentId);
  const checklist = useChecklist(incidentId);
  const pending = usePendingWrites();
  const refused = useRefusedWrites();
  const declaredIds = useDeclaredIds();
  const { refusalDismissed } = useOutboxActions();
  const writes = useWarRoomWrites();
  const catalog = usePlaybookCatalog();
  const systemOf = useIncidentSystems();
  const now = useNow(1000); // the elapsed time, once a second
  const [problem, setProblem] = useState<string | null>(null);

  if (checklist.error) return <p role="alert">The checklist could not be read: {checklist.error.message}</p>;
  if (!incident || checklist.isPending) return <p className="text-slate-400">Reading the checklist…</p>;

  const chosenId = chosenPlaybookId(checklist.data, pending, incident.id);
  const chosen = chosenId === null ? null : catalog.byId(chosenId);
  const ticks = currentTicks(checklist.data, chosenId, pending, incident.id);
  const elapsedMin = minutesSince(incident.declaredAt, now);
  // Said here as well as in the unsynced indicator: a tick refused after a switch of playbook
  // concerns this panel, and the incidents above may be folded away.
  const refusedTicks = refused.filter(
    (r) => r.entry.kind === 'tick' && resolveId(r.entry.incidentId ?? '', declaredIds) === incident.id,
  );
  // The system's policy names the playbooks that answer its incidents; none named, any may.
  const system = systemOf(incident.systemId);
  const library = system.served?.playbooks ?? null;
  const report = (result: WriteResult) => setProblem(result.ok ? null : result.error);
  const ctx = {
    incident,
    ticks,
    skipped: chosen ? skippedSteps(chosen, ticks) : new Set<string>(),
    playbook: chosen ?? { phases: [] },
    // Steps are shown only for a chosen playbook, so this is never empty where it is read.
    playbookId: chosen?.id ?? '',
    // The playbook on screen is the one the person ticks in, whatever the store follows by the
    // time the tick is delivered.
    onTick: (stepId: string, ticked: boolean) =>
      report(
        chosenId === null
          ? { ok: false, error: 'Choose a playbook before ticking its steps.' }
          : writes.tickStep(incident.id, stepId, ticked, chosenId),
      ),
  };

  return (
    <div className="flex min-h-0 flex-col gap-3 overflow-y-auto text-sm">
      <PlaybookPicker
        chosen={chosen}
        unavailable={chosenId !== null && !chosen ? unavailableText(chosenId, catalog) : null}
        suggested={catalog.suggestFor(incident.type, library)}
        noneAnswers={
          library === null
            ? 'No playbook answers this incident type: choose one.'
            : `None of ${system.name}’s playbooks (${library}) answers this incident type: choose one.`
        }
        library={catalog.library}
        imported={catalog.saved.map((s) => s.playbook)}
        onChoose={(id) => report(writes.choosePlaybook(incident.id, id))}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-slate-300">
          {incident.id} ({system.name}) declared{' '}
          <span data-testid="elapsed">{formatAge(elapsedMin * 60_000)}</span> ago
        </p>
        <ImportRunbookButton />
      </div>
      {problem && (
        <p role="alert" className="text-amber-300">
          {problem}
        </p>
      )}
      {refusedTicks.map((r) => (
        <p key={r.entry.key} role="alert" className="text-amber-300">
          A tick was not recorded: {r.problem}{' '}
          <button type="button" className="underline" onClick={() => refusalDismissed(r.entry.key)}>
            dismiss
          </button>
        </p>
      ))}
      {chosen?.warnings && chosen.warnings.length > 0 && (
        <ul aria-label="Warnings of this playbook" className="flex flex-col gap-1">
          {chosen.warnings.map((w) => (
            <li key={w} className="rounded border border-amber-500 bg-amber-950 px-2 py-1 text-amber-100">
              ⚠ {w}
            </li>
          ))}
        </ul>
      )}
      {chosen?.phases.map((phase) => (
        <ChecklistPhase key={phase.id} phase={phase} elapsedMin={elapsedMin} ctx={ctx} />
      ))}
    </div>
  );
}
