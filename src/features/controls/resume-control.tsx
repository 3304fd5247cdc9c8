import { useState } from 'react';
import { ControlButton } from './control-button.tsx';
import { useResumeGate, verifiedReason } from '../../controls/resume-gate.ts';
import { useStatus } from '../../live/status-query.ts';
import type { ResumeGate } from '../../controls/resume-gate.ts';

/**
 * Resuming trading is gated on the active incident's playbook: once its verification checks are
 * all ticked, Resume takes the same hold gesture as the other controls and records which playbook
 * verified it. Until then it says how many are ticked and which are missing. An override with a
 * typed reason stays as the escape hatch — and is the only way when there is nothing to verify
 * against (no incident, no playbook) — because the room may know better than the checklist.
 */
export function ResumeControl({ onError }: { onError: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const [overriding, setOverriding] = useState(false);
  const [why, setWhy] = useState('');
  const { gate, ticksUnsent } = useResumeGate();
  const byHand = useStatus((s) => s.system.manualControls?.some((m) => m.controlId === 'resume')) ?? false;

  // A system that resumes only by hand: its command, straight away. No override to type — the
  // person runs the command themselves; the tick records whether the checks were all ticked.
  if (byHand) {
    const checked = gate.kind === 'gated' && gate.progress.complete;
    return (
      <ControlButton
        controlId="resume"
        label="Resume trading"
        reason={
          checked
            ? verifiedReason(gate)
            : `by hand: ${gate.kind === 'gated' ? 'verification checks not all ticked' : gate.why}`
        }
        onError={onError}
      />
    );
  }

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
  const verified = gate.kind === 'gated' && gate.progress.complete;
  const showOverride = gate.kind === 'ungated' || (overriding && !verified);
  return (
    <div
      role="group"
      aria-label="Resume trading"
      className="flex max-w-4xl flex-wrap items-center gap-x-3 gap-y-1 rounded border border-slate-500 px-2 py-1 text-sm"
    >
      {/* Beside its buttons, not above them: an open gate should cost the board as little height as it can. */}
      <div className="flex max-w-lg min-w-0 flex-col">
        <GateSummary gate={gate} />
        {ticksUnsent && (
          <p className="text-xs text-amber-300">
            Ticks made here are still on their way to the war-room store; they count once it has them.
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {verified && (
          <ControlButton
            controlId="resume"
            label="Resume"
            gesture="hold"
            reason={verifiedReason(gate)}
            onError={onError}
          />
        )}
        {showOverride ? (
          <>
            <label htmlFor="resume-override" className="text-slate-300">
              Override — why is it safe? (recorded)
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
          </>
        ) : (
          !verified && (
            <button
              type="button"
              className="rounded border border-slate-500 px-2 py-1 text-slate-200 hover:bg-slate-800"
              onClick={() => setOverriding(true)}
            >
              Override with a reason…
            </button>
          )
        )}
        <button
          type="button"
          className="px-2 text-slate-400 hover:text-white"
          onClick={() => {
            setOpen(false);
            setOverriding(false);
          }}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}

/** Where the verification stands, in one or two lines, naming what is still unticked. */
function GateSummary({ gate }: { gate: ResumeGate }) {
  if (gate.kind === 'ungated')
    return (
      <p className="text-slate-300">No playbook verification to go by ({gate.why}): an override is needed.</p>
    );
  const { incident, playbook, progress } = gate;
  const source = `${playbook.title} (${incident.id})`;
  if (progress.complete)
    return (
      <p className="text-emerald-300">
        ✓ {progress.ticked} of {progress.total} verification checks ticked — {source}
      </p>
    );
  return (
    <>
      <p className="text-amber-200">
        {progress.ticked} of {progress.total} verification checks ticked — {source}. Still to tick:
      </p>
      <ul
        aria-label="Verification checks not ticked"
        className="max-h-16 list-disc overflow-y-auto pl-5 text-xs text-slate-200"
      >
        {progress.missing.map(({ step, branch }) => (
          <li key={step.id}>
            {step.text}
            {branch && <span className="text-slate-400"> (when {branch})</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
