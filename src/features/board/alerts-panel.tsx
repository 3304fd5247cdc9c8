import { useState } from 'react';
import type { Alert } from '../../../contract/schemas.ts';
import { Panel } from '../../components/ui/panel.tsx';
import { useSection } from '../../live/use-section.ts';
import { AlertRowItem } from './alert-row.tsx';
import { alertCount, alertRows } from './alert-rows.ts';
import { SectionBody } from './section-body.tsx';

/**
 * The trading system's firing alerts, worst and longest-burning first. The list scrolls inside
 * the panel, capped even when the layout gives no height, so an alert storm never pushes the
 * rest of the board off the wall screen; repeated names fold into one row with a count.
 */
export function AlertsPanel({ className }: { className?: string }) {
  const { value, problem, age, notOffered } = useSection('alerts');
  return (
    <Panel title="Firing alerts" age={age} problem={problem} notOffered={notOffered} className={className}>
      <SectionBody value={value}>
        {(alerts, asOfMs) => <AlertList alerts={alerts} asOfMs={asOfMs} />}
      </SectionBody>
    </Panel>
  );
}

function AlertList({ alerts, asOfMs }: { alerts: readonly Alert[]; asOfMs: number }) {
  // By alert name, so a group stays open while its members fire and clear around it.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (name: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(name)) next.add(name);
      return next;
    });

  if (alerts.length === 0) return <p className="text-slate-400">No alerts firing</p>;
  const critical = alerts.some((a) => a.severity === 'critical');
  return (
    <div className="flex h-full min-h-0 flex-col">
      <p className={`mb-2 font-semibold ${critical ? 'text-red-300' : 'text-amber-300'}`}>
        {alertCount(alerts)}
      </p>
      <ul aria-label="Firing alerts" className="max-h-[60vh] min-h-0 flex-1 space-y-1.5 overflow-auto pr-1">
        {alertRows(alerts).map((row) => (
          <AlertRowItem
            key={row.kind === 'alert' ? row.alert.id : `group:${row.name}`}
            row={row}
            asOfMs={asOfMs}
            expanded={row.kind === 'group' && expanded.has(row.name)}
            onToggle={toggle}
          />
        ))}
      </ul>
    </div>
  );
}
