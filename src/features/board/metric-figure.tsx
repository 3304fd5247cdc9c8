import type { ReactNode } from 'react';
import type { Level } from '../../config/thresholds.ts';
import { levelText } from './level-badge.tsx';

/**
 * The current value in large type, with what qualifies it beside it (a level badge) and under
 * it (a note). `data-testid` and `data-level` are the contract e2e tests and drills read; the
 * value element holds the value and its unit only.
 */
export function MetricFigure({
  testId,
  value,
  level,
  badge,
  note,
}: {
  testId: string;
  value: string;
  /** 'none' when there is nothing to judge: no orders, so no measurement. Omit for no level. */
  level?: Level | 'none';
  badge?: ReactNode;
  note?: ReactNode;
}) {
  // The unit in smaller type, so that "2,037 orders/s" fits a narrow panel; the element's text
  // stays "2,037 orders/s", which is what tests and drills read.
  const [, number = value, unit] = /^(.*\S)\s+(\S+)$/.exec(value) ?? [];
  return (
    <div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <p
          data-testid={testId}
          data-level={level}
          className={`text-5xl font-bold tabular-nums ${levelText[level ?? 'normal']}`}
        >
          {number}
          {unit && <span className="text-2xl font-semibold"> {unit}</span>}
        </p>
        {badge}
      </div>
      {/* Always there, if empty: figures and charts line up across the panels of one row. */}
      <p className="mt-1 min-h-6 text-slate-300">{note}</p>
    </div>
  );
}
