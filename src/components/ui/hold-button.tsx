import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

/**
 * One deliberate gesture: press and hold (pointer, or Enter/Space on the keyboard) for `holdMs`
 * and it fires — no dialog, no typing, nothing to misread under stress. Releasing early
 * cancels. A plain click explains "hold to fire" instead of firing. `holdMs` 0 makes it an
 * ordinary button, for desks that want exactly that.
 */
export function HoldButton({
  holdMs,
  onFire,
  disabled = false,
  className = '',
  describedBy,
  children,
}: {
  holdMs: number;
  onFire: () => void;
  disabled?: boolean;
  className?: string;
  /** Extra ids for aria-describedby (e.g. the preview of what it affects). */
  describedBy?: string;
  children: ReactNode;
}) {
  const [holding, setHolding] = useState(false);
  const [hint, setHint] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const fired = useRef(false);
  const hintId = useId();

  const clear = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => clear, []);
  // The explanation is for the moment of confusion, not a permanent label.
  useEffect(() => {
    if (!hint) return;
    const id = setTimeout(() => setHint(false), 3000);
    return () => clearTimeout(id);
  }, [hint]);

  const begin = () => {
    if (disabled || timer.current) return;
    fired.current = false;
    setHint(false);
    setHolding(true);
    timer.current = setTimeout(() => {
      timer.current = null;
      fired.current = true;
      setHolding(false);
      onFire();
    }, holdMs);
  };
  const release = () => {
    if (!timer.current) return;
    clear();
    setHolding(false);
    if (!fired.current) setHint(true); // released early: say how it works, do nothing
  };

  const isKey = (e: KeyboardEvent) => e.key === 'Enter' || e.key === ' ';
  const instant = holdMs <= 0;

  return (
    <span className="relative inline-flex flex-col items-center">
      {/* aria-disabled, not disabled: a control that cannot fire stays focusable, so the
          keyboard can reach the explanation of why. */}
      <button
        type="button"
        aria-disabled={disabled || undefined}
        data-holding={holding || undefined}
        aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
        className={`relative overflow-hidden select-none ${className}`}
        style={{ touchAction: 'none' }}
        onClick={instant ? () => !disabled && onFire() : () => !fired.current && setHint(true)}
        onPointerDown={instant ? undefined : (e) => e.button === 0 && begin()}
        onPointerUp={instant ? undefined : release}
        onPointerLeave={instant ? undefined : release}
        onPointerCancel={instant ? undefined : release}
        onKeyDown={
          instant
            ? undefined
            : (e) => {
                if (!isKey(e)) return;
                e.preventDefault(); // no native click: only the hold fires
                if (!e.repeat) begin();
              }
        }
        onKeyUp={instant ? undefined : (e) => isKey(e) && release()}
        onBlur={instant ? undefined : release}
        onContextMenu={(e) => e.preventDefault()}
      >
        <span className="relative inline-flex items-center gap-2">
          {!instant && <HoldRing holdMs={holdMs} holding={holding} />}
          {children}
        </span>
      </button>
      <span
        id={hintId}
        role={hint ? 'status' : undefined}
        className={
          hint
            ? 'absolute top-full z-10 mt-1 rounded bg-black px-2 py-0.5 text-xs whitespace-nowrap text-white'
            : 'sr-only'
        }
      >
        {instant ? 'Fires on click' : `Press and hold for ${(holdMs / 1000).toFixed(1)} s to fire`}
      </span>
    </span>
  );
}

/** The progress ring: empty at rest, filling over `holdMs` while held. */
function HoldRing({ holdMs, holding }: { holdMs: number; holding: boolean }) {
  const circumference = 2 * Math.PI * 9;
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 -rotate-90">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeOpacity="0.35" strokeWidth="3" />
      {holding && (
        <circle
          cx="12"
          cy="12"
          r="9"
          fill="none"
          stroke="currentColor"
          strokeWidth="3"
          strokeDasharray={circumference}
          strokeDashoffset={circumference}
          style={{ animation: `hold-ring ${holdMs}ms linear forwards` }}
        />
      )}
    </svg>
  );
}
