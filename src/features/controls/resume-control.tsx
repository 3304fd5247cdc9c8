import { useState } from 'react';
import { ControlButton } from './control-button.tsx';

/**
 * Resuming trading is gated: it needs the active playbook's verification steps ticked. Until
 * playbooks exist — and always, as an escape hatch — it takes an explicit override reason, which
 * is recorded with the command.
 */
export function ResumeControl({ onError }: { onError: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const [why, setWhy] = useState('');
  if (!open) {
    return (
      <button
        type="button"
        className="rounded border border-slate-400 bg-slate-700 px-3 py-1.5 font-semibold hover:bg-slate-600"
        onClick={() => setOpen(true)}
      >
        Resume trading…
      </button>
    );
  }
  return (
    <span className="inline-flex items-center gap-2 rounded border border-slate-500 p-1">
      <label htmlFor="resume-override" className="text-sm text-slate-300">
        Override — why is it safe? (recorded; no playbook verification yet)
      </label>
      <input
        id="resume-override"
        value={why}
        onChange={(e) => setWhy(e.target.value)}
        className="w-56 rounded border border-slate-500 bg-slate-950 px-2 py-1"
      />
      <ControlButton
        controlId="resume"
        label="Resume"
        reason={why.trim() ? `override: ${why.trim()}` : ''}
        onError={onError}
      />
      <button
        type="button"
        className="px-2 text-sm text-slate-400 hover:text-white"
        onClick={() => setOpen(false)}
      >
        Cancel
      </button>
    </span>
  );
}
