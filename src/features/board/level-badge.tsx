import type { Level } from '../../config/thresholds.ts';

// Level in words and shape as well as colour: colour alone fails the colour-blind, a grey
// projector and a stale (greyed) panel.
const look: Record<Level, { icon: string; word: string; className: string }> = {
  critical: { icon: '▲', word: 'CRITICAL', className: 'bg-red-950 text-red-200 ring-red-500' },
  warning: { icon: '△', word: 'WARNING', className: 'bg-amber-950 text-amber-200 ring-amber-500' },
  normal: { icon: '●', word: 'normal', className: 'text-emerald-300 ring-transparent' },
};

/** "▲ CRITICAL — over 100 µs", "△ WARNING — over 50 µs", "● normal". */
export function LevelBadge({ level, over }: { level: Level; over: Record<'warning' | 'critical', string> }) {
  const { icon, word, className } = look[level];
  return (
    <p className={`rounded px-2 py-0.5 text-lg font-semibold ring-1 ${className}`}>
      <span aria-hidden="true">{icon} </span>
      {word}
      {level !== 'normal' && ` — over ${over[level]}`}
    </p>
  );
}

/** The figure's own colour, matching its badge. */
export const levelText: Record<Level | 'none', string> = {
  critical: 'text-red-300',
  warning: 'text-amber-200',
  normal: 'text-white',
  none: 'text-slate-400',
};
