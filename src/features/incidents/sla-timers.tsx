import type { SlaState } from '../../warroom/sla.ts';
import { Countdown } from './countdown.tsx';

/** The incident's targets, from its trading system's incident policy, each counting down. */
export function SlaTimers({ sla }: { sla: SlaState }) {
  const rows = [
    ['Acknowledge', sla.acknowledge],
    ['Respond', sla.respond],
    ['Next update', sla.nextUpdate],
    ['Escalate if no progress', sla.escalation],
  ] as const;
  const shown = rows.filter(([, d]) => d !== null);
  if (shown.length === 0) return null;
  return (
    <ul aria-label="Response targets" className="flex flex-col gap-0.5 text-sm">
      {shown.map(([label, deadline]) => (
        <li
          key={label}
          aria-label={label}
          title={deadline ? `the target ${deadline.target.source} sets` : undefined}
        >
          <Countdown label={label} deadline={deadline} />
        </li>
      ))}
    </ul>
  );
}
