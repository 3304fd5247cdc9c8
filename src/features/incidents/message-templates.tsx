import type { Incident, TimelineEvent } from '../../../contract/store-schemas.ts';
import { CopyButton } from '../../components/ui/copy-button.tsx';
import type { SlaPolicy } from '../../warroom/sla-policy.ts';
import { initialAlert, resolutionNotice, statusUpdate } from '../../warroom/templates.ts';

/** The three messages of an incident, filled in and one click from the clipboard. */
export function MessageTemplates({
  incident,
  events,
  now,
  policy,
}: {
  incident: Incident;
  events: readonly TimelineEvent[];
  now: number;
  policy: SlaPolicy | undefined;
}) {
  const ctx = { now, policy };
  const messages = [
    ['Initial alert', initialAlert(incident, events, ctx)],
    ['Status update', statusUpdate(incident, events, ctx)],
    ['Resolution notice', resolutionNotice(incident, events, ctx)],
  ] as const;
  return (
    <section aria-label="Messages" className="flex flex-col gap-1">
      <h4 className="text-sm font-semibold text-slate-300">Messages</h4>
      {messages.map(([name, text]) => (
        <details key={name} className="rounded border border-slate-700 px-2 py-1">
          <summary className="flex cursor-pointer items-center justify-between gap-2 text-sm">
            {name}
            <CopyButton text={text} label={`Copy ${name.toLowerCase()}`} />
          </summary>
          <pre aria-label={name} className="mt-1 text-xs whitespace-pre-wrap text-slate-200">
            {text}
          </pre>
        </details>
      ))}
    </section>
  );
}
