import type { ReactNode } from 'react';
import type { Metrics, MetricWindow } from '../../../contract/schemas.ts';
import { Panel } from '../../components/ui/panel.tsx';
import { useSection } from '../../live/use-section.ts';

/**
 * A panel over the metrics section that settles the states every metric panel shares: before
 * contact, never valid, no window yet. `children` gets metrics with at least one window. A
 * problem and staleness are the Panel's to show; the last valid metrics keep being passed on.
 */
export function MetricPanel({
  title,
  className,
  children,
}: {
  title: string;
  className?: string;
  children: (metrics: Metrics, latest: MetricWindow) => ReactNode;
}) {
  const { value, problem, age, notOffered } = useSection('metrics');
  const latest = value?.windows.at(-1);
  return (
    <Panel title={title} age={age} problem={problem} notOffered={notOffered} className={className}>
      {value === undefined ? (
        <p className="text-2xl text-slate-400">no data yet</p>
      ) : value === null ? (
        <p className="text-2xl text-slate-400">no valid data received</p>
      ) : latest === undefined ? (
        <p className="text-2xl text-slate-400">no measurement yet</p>
      ) : (
        children(value, latest)
      )}
    </Panel>
  );
}
