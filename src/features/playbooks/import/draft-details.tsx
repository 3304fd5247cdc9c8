import { stepsOf } from '../../../../contract/playbook-schemas.ts';
import type { Playbook } from '../../../playbooks/playbook.ts';

/** How many branches and jumps a playbook holds, for the preview's summary line. */
export function branchCounts(playbook: Pick<Playbook, 'phases'>): { branches: number; jumps: number } {
  const steps = stepsOf(playbook);
  return {
    branches: steps.reduce((n, s) => n + (s.branches?.length ?? 0), 0),
    jumps: steps.filter((s) => s.jump).length,
  };
}

/**
 * What the importer read about the runbook rather than from its steps — its warnings (`> [!WARNING]`,
 * shown above the checklist), its metadata (front matter, "Owner: …" lines) and its reference
 * sections (kept as notes) — so the commander checks them before saving. Text only.
 */
export function DraftDetails({ playbook }: { playbook: Playbook }) {
  const metadata = Object.entries(playbook.metadata ?? {});
  return (
    <div className="mt-2 flex flex-col gap-2 text-xs">
      {playbook.warnings && playbook.warnings.length > 0 && (
        <ul aria-label="Warnings shown above the checklist" className="flex flex-col gap-1">
          {playbook.warnings.map((w) => (
            <li
              key={w}
              className="rounded border border-amber-500 bg-amber-950 px-2 py-1 text-sm text-amber-100"
            >
              ⚠ {w}
            </li>
          ))}
        </ul>
      )}
      {metadata.length > 0 && (
        <dl
          aria-label="Metadata"
          className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-slate-300"
        >
          {metadata.map(([key, value]) => (
            <div key={key} className="contents">
              <dt className="text-slate-400">{key}</dt>
              <dd className="min-w-0 break-words text-slate-200">{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {playbook.notes && playbook.notes.length > 0 && (
        <div aria-label="Notes kept from the runbook" className="flex flex-wrap gap-2">
          {playbook.notes.map((note, i) => (
            <details
              key={`${i}-${note.title}`}
              className="min-w-0 max-w-full rounded border border-slate-700 px-2 py-1"
            >
              <summary className="cursor-pointer text-slate-300">Note: {note.title}</summary>
              <p className="mt-1 max-h-40 overflow-y-auto whitespace-pre-wrap text-slate-400">{note.text}</p>
            </details>
          ))}
        </div>
      )}
    </div>
  );
}
