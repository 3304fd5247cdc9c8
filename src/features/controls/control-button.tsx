import { useId } from 'react';
import type { ControlId } from '../../../contract/schemas.ts';
import { HoldButton } from '../../components/ui/hold-button.tsx';
import { useRuntimeConfig } from '../../config/config-context.tsx';
import type { CommandScope } from '../../controls/command-machine.ts';
import { useCommandCenter } from '../../controls/controls-provider.tsx';
import { controlById } from '../../controls/registry.ts';
import { useStatus } from '../../live/status-query.ts';
import { ManualControl } from './manual-control.tsx';

const tones = {
  critical: 'bg-red-700 text-white hover:bg-red-600 border-red-400 font-bold',
  warning: 'bg-amber-600 text-black hover:bg-amber-500 border-amber-300 font-semibold',
  neutral: 'bg-slate-700 text-white hover:bg-slate-600 border-slate-400 font-semibold',
} as const;

/**
 * One declared control as a button: its gesture, why it is unavailable, and what it will touch.
 * A control the system offers only by hand is its command to run instead (ManualControl).
 */
export function ControlButton(props: ControlButtonProps) {
  const manual = useStatus((s) => s.system.manualControls?.find((m) => m.controlId === props.controlId));
  return manual ? <ManualControl {...props} manual={manual} /> : <RemoteControlButton {...props} />;
}

interface ControlButtonProps {
  controlId: ControlId;
  scope?: CommandScope;
  reason: string;
  onError: (message: string) => void;
  label?: string;
  /** Overrides the declared gesture: a resume the playbook's checks allow is held, not typed. */
  gesture?: 'hold' | 'click';
}

function RemoteControlButton({ controlId, scope = {}, reason, onError, label, gesture }: ControlButtonProps) {
  const declaration = controlById(controlId);
  const center = useCommandCenter();
  const { holdMs } = useRuntimeConfig().controls;
  // Before first contact the offer is unknown: let the operator try rather than block a kill switch.
  const offered = useStatus((s) => s.system.controls.includes(controlId)) ?? true;
  const unavailable = useStatus((s) => declaration.unavailable(s, scope)) ?? null;
  const preview = useStatus((s) => declaration.preview(s, scope).join(' · '));
  const previewId = useId();

  const blocked = !offered ? 'not offered by this trading system' : unavailable;
  const fire = () => {
    const result = center?.fire(controlId, scope, reason);
    if (result && !result.ok) onError(result.error);
  };
  const text = label ?? declaration.label;
  const className = `rounded border px-3 py-1.5 aria-disabled:cursor-not-allowed aria-disabled:opacity-40 ${tones[declaration.tone]}`;

  return (
    <span className="group relative inline-flex" data-control={controlId}>
      {(gesture ?? declaration.gesture) === 'hold' ? (
        <HoldButton
          holdMs={holdMs}
          onFire={fire}
          disabled={!!blocked}
          className={className}
          describedBy={previewId}
        >
          {text}
          {declaration.shortcut && (
            <span className="ml-1 text-xs opacity-70">Alt+{declaration.shortcut.toUpperCase()}</span>
          )}
        </HoldButton>
      ) : (
        <button
          type="button"
          aria-disabled={blocked ? true : undefined}
          className={className}
          aria-describedby={previewId}
          onClick={() => !blocked && fire()}
        >
          {text}
        </button>
      )}
      <span
        id={previewId}
        role="tooltip"
        className="pointer-events-none absolute bottom-full left-0 z-20 mb-2 hidden w-max max-w-sm rounded bg-black px-2 py-1 text-sm text-white shadow-lg group-focus-within:block group-hover:block"
      >
        {declaration.summary}
        {preview && <span className="block text-slate-300">Affects: {preview}</span>}
        {blocked && <span className="block text-amber-300">Unavailable: {blocked}</span>}
      </span>
    </span>
  );
}
