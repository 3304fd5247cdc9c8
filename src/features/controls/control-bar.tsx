import { useEffect, useState } from 'react';
import { useCommands } from '../../controls/command-center.ts';
import { controls } from '../../controls/registry.ts';
import { useSessionActions, useWarRoomSession } from '../../session/war-room-session.ts';
import { CommandStatus } from './command-status.tsx';
import { ControlButton } from './control-button.tsx';
import { ResumeControl } from './resume-control.tsx';
import { SignInForm } from './sign-in-form.tsx';
import { OtherControls } from './other-controls.tsx';
import { useActiveIncident } from '../../warroom/active-incident.ts';
import { VenueControls } from './venue-controls.tsx';
import { useSystemNames } from './use-system-names.ts';

/** Alt+<key> focuses a control that declares a shortcut; holding Enter or Space then fires it. */
function useControlShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      // By the physical key: Option+K on a Mac types "˚", not "k".
      const declared = controls.find((c) => c.shortcut && e.code === `Key${c.shortcut.toUpperCase()}`);
      const button =
        declared && document.querySelector<HTMLButtonElement>(`[data-control="${declared.id}"] button`);
      if (!button) return;
      e.preventDefault();
      button.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Who is signed in, the way out, and whether the store can vouch for it right now. */
function SignedIn({ onError }: { onError: (message: string) => void }) {
  const { person, unreachable } = useWarRoomSession();
  const actions = useSessionActions();
  if (!person) return null;
  return (
    <span className="text-sm text-slate-300">
      <span className="font-semibold text-white">{person.name}</span> ({person.role}){' '}
      <button
        type="button"
        className="underline hover:text-white"
        onClick={() =>
          void actions.signOut().then((result) => {
            if (!result.ok) onError(result.error);
          })
        }
      >
        Sign out
      </button>
      {unreachable && (
        <span role="status" className="ml-2 font-semibold text-amber-300">
          War-room store unreachable: signed in as {person.name} when it last answered
        </span>
      )}
    </span>
  );
}

/**
 * Always on screen, whatever scrolls: stopping trading must never be a scroll away. Signed out it
 * offers only the sign-in, a viewer sees that the controls are not theirs to use, a commander
 * gets them; every command's fate is listed beside the buttons.
 */
export function ControlBar() {
  const session = useWarRoomSession();
  const person = session.person;
  const commands = useCommands();
  const nameOf = useSystemNames();
  // The reason recorded is the active incident, until the operator writes their own.
  const active = useActiveIncident();
  const incidentReason = active ? `${active.id} ${active.title}` : 'No incident declared';
  const [typed, setTyped] = useState<string | null>(null);
  const reason = typed ?? incidentReason;
  const setReason = setTyped;
  const [error, setError] = useState<string | null>(null);
  useControlShortcuts();

  return (
    <nav
      aria-label="Trading controls"
      className="border-t border-slate-700 bg-slate-900 px-4 py-2 text-slate-100"
    >
      <div className="flex flex-wrap items-center gap-3">
        <span className="text-sm font-semibold tracking-wide text-slate-300 uppercase">Controls</span>
        {!person && !session.known && !session.unreachable ? (
          <span className="text-sm text-slate-400">Asking the war-room store who is signed in…</span>
        ) : !person ? (
          <>
            <SignInForm />
            {session.unreachable && (
              <span role="status" className="text-sm font-semibold text-amber-300">
                War-room store unreachable: signing in needs it
              </span>
            )}
          </>
        ) : person.role !== 'commander' ? (
          <>
            <SignedIn onError={setError} />
            <span className="rounded border border-slate-500 px-2 py-0.5 text-sm font-semibold text-slate-300">
              View only
            </span>
            <span className="text-sm text-slate-400">a viewer watches; only a commander may act</span>
          </>
        ) : (
          <>
            <SignedIn onError={setError} />
            <label className="flex items-center gap-1 text-sm text-slate-300">
              Reason
              <input
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                className="w-72 rounded border border-slate-500 bg-slate-950 px-2 py-1 text-white"
              />
            </label>
            <ControlButton controlId="kill-switch" reason={reason} onError={setError} />
            <ControlButton controlId="halt" reason={reason} onError={setError} />
            <ControlButton controlId="reduce-positions" reason={reason} onError={setError} />
            <ResumeControl onError={setError} />
            <VenueControls reason={reason} onError={setError} />
            <OtherControls reason={reason} onError={setError} />
          </>
        )}
      </div>
      {error && (
        <p role="alert" className="mt-1 text-sm font-semibold text-amber-300">
          {error}{' '}
          <button type="button" className="underline" onClick={() => setError(null)}>
            dismiss
          </button>
        </p>
      )}
      {commands.length > 0 && (
        <ul
          aria-label="Commands"
          aria-live="polite"
          className="mt-1 flex max-h-40 flex-col gap-1 overflow-y-auto"
        >
          {commands.slice(0, 4).map((command) => (
            <CommandStatus
              key={command.key}
              command={command}
              systemName={nameOf(command.system?.systemId)}
              signedInAs={person?.name}
            />
          ))}
        </ul>
      )}
    </nav>
  );
}
