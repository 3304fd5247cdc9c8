import { useCallback, useRef, useState } from 'react';
import { otherControls } from '../../controls/registry.ts';
import { useDismiss } from '../../lib/use-dismiss.ts';
import { ControlButton } from './control-button.tsx';

/**
 * The seeds' other remote controls, behind a disclosure: rarely needed, and often not offered.
 * Those the trading system does not offer stay listed, disabled, saying so.
 */
export function OtherControls({ reason, onError }: { reason: string; onError: (message: string) => void }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  useDismiss(
    ref,
    open,
    useCallback(() => {
      if (ref.current) ref.current.open = false;
    }, []),
  );
  return (
    <details className="relative" ref={ref} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer rounded border border-slate-500 px-3 py-1.5 text-sm text-slate-200 hover:bg-slate-800">
        More controls
      </summary>
      <div className="absolute bottom-full left-0 z-20 mb-2 flex w-max flex-col gap-2 rounded border border-slate-600 bg-slate-900 p-2">
        {/* Venue-scoped ones (fail over) sit with the venue actions, on the venue chosen there. */}
        {otherControls
          .filter((control) => control.scope === 'system')
          .map((control) => (
            <ControlButton key={control.id} controlId={control.id} reason={reason} onError={onError} />
          ))}
      </div>
    </details>
  );
}
