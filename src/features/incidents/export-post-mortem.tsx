import type { ControlAuditRecord, Incident, TimelineEvent } from '../../../contract/store-schemas.ts';
import { postMortemFileName, postMortemMarkdown } from '../../warroom/post-mortem.ts';
import type { SlaPolicy } from '../../warroom/sla-policy.ts';

/** Downloads the blameless post-mortem as a Markdown file, built from the store's records. */
export function ExportPostMortem({
  incident,
  events,
  audit,
  policy,
  systemName,
}: {
  incident: Incident;
  events: readonly TimelineEvent[];
  audit: readonly ControlAuditRecord[];
  policy: SlaPolicy | undefined;
  systemName: (systemId: string | null) => string;
}) {
  const download = () => {
    const markdown = postMortemMarkdown({
      incident,
      timeline: events,
      audit,
      now: Date.now(),
      policy,
      systemName,
    });
    const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = postMortemFileName(incident);
    document.body.append(link);
    link.click();
    link.remove();
    // The click has handed the file over; the URL only holds memory from here on.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button
      type="button"
      onClick={download}
      className="self-start rounded border border-slate-400 px-2 py-1 text-sm font-semibold hover:bg-white/10"
    >
      Export post-mortem (.md)
    </button>
  );
}
