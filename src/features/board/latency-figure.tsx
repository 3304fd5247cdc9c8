import { Panel } from '../../components/ui/panel.tsx';
import { formatLatency } from '../../lib/format.ts';
import { useDataAge } from '../../live/use-data-age.ts';
import { useStatus } from '../../live/status-query.ts';

/** The current p99 in large type: the figure a commander checks first in a latency incident. */
export function LatencyFigure() {
  const latest = useStatus((s) => s.metrics?.windows.at(-1) ?? null);
  const age = useDataAge();

  return (
    <Panel title="Latency p99" age={age}>
      {latest === undefined || latest === null ? (
        <p className="text-2xl text-slate-400">no measurement yet</p>
      ) : (
        <div className="flex items-baseline gap-6">
          <p className="text-6xl font-bold tabular-nums" data-testid="latency-p99">
            {latest.latencyP99 ? formatLatency(latest.latencyP99.value, latest.latencyP99.unit) : '—'}
          </p>
          <dl className="grid grid-cols-2 gap-x-3 text-slate-300">
            <dt>error rate</dt>
            <dd className="tabular-nums">{(latest.errorRate * 100).toFixed(2)} %</dd>
            <dt>throughput</dt>
            <dd className="tabular-nums">{Math.round(latest.throughput).toLocaleString('en-US')} orders/s</dd>
          </dl>
        </div>
      )}
      {latest && !latest.latencyP99 && (
        <p className="mt-2 text-slate-400">no orders processed in the last window</p>
      )}
    </Panel>
  );
}
