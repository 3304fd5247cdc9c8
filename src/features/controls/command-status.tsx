import { CommandToRun } from '../../components/ui/command-to-run.tsx';
import { useRuntimeConfig } from '../../config/config-context.tsx';
import { confirmationMs } from '../../controls/command-machine.ts';
import type { Command } from '../../controls/command-machine.ts';
import { controlById } from '../../controls/registry.ts';
import { formatClock } from '../../lib/format.ts';
import { useSeveralSystems } from '../../systems/system-scope.tsx';
import { fallbackCommand } from './fallback-command.ts';

interface Said {
  text: string;
  className: string;
  loud: boolean;
}

/** `on`, `by`, `from`: the system named when several share the board, nothing otherwise. */
type Naming = { on: string; by: string; from: string; to: string; name: string };

function describe(command: Command, n: Naming): Said {
  const seen = command.observedAt !== null ? '; the trading state now shows the effect' : '';
  switch (command.phase) {
    case 'sending':
      return { text: `sending${n.to}…`, className: 'text-sky-300', loud: false };
    case 'retrying':
      return {
        text: `no valid answer${n.from} yet (${command.problem}) — retrying, attempt ${command.attempts + 1}, same command key${seen}`,
        className: 'text-amber-300',
        loud: false,
      };
    case 'accepted':
      if (command.verifiable)
        return {
          text: `accepted${n.by} — waiting to see it in effect`,
          className: 'text-sky-300',
          loud: false,
        };
      // The system's own limit, or the control's: either way nobody may read it as done.
      return controlById(command.controlId).verifiable
        ? { text: `sent — ${n.name} cannot confirm it`, className: 'text-sky-200', loud: false }
        : {
            text: `ACCEPTED${n.by} — nothing on this board can show its effect: check with the trading system`,
            className: 'text-sky-200',
            loud: false,
          };
    case 'confirmed':
      return {
        text: `CONFIRMED${n.on} in ${confirmationMs(command)} ms`,
        className: 'text-emerald-300',
        loud: false,
      };
    case 'unconfirmed':
      return {
        text: `UNCONFIRMED${n.on} — ${command.acceptedAt ? 'accepted, but' : 'no valid answer, and'} not seen in effect after ${Math.round((command.deadlineAt - command.startedAt) / 1000)} s${command.problem ? ` (${command.problem})` : ''}`,
        className: 'text-white',
        loud: true,
      };
    case 'rejected':
      return { text: `REJECTED${n.by} — ${command.problem}`, className: 'text-red-300', loud: false };
    case 'done-by-hand':
      return {
        text: `DONE BY HAND — ticked in the war room; ${n.name} was not asked and cannot confirm it`,
        className: 'text-slate-200',
        loud: false,
      };
    case 'failed':
      return {
        text: `NO VALID ANSWER${n.from} — it may have executed (${command.problem})${seen}. Holding again re-sends the same command, which cannot run twice.`,
        className: 'text-white',
        loud: true,
      };
  }
}

/**
 * What came of one command, in words. Accepted is never shown as done; UNCONFIRMED and NO VALID ANSWER
 * are loud and carry the command to run by hand, with the same key so it cannot run twice. With
 * several systems on the board, every state names the system the command went to.
 */
export function CommandStatus({
  command,
  systemName = 'the trading system',
  signedInAs,
}: {
  command: Command;
  /** The name of the system the command went to. */
  systemName?: string;
  /** Who is signed in: the command to run by hand signs in as them. */
  signedInAs?: string;
}) {
  const { apiBaseUrl, storeBaseUrl } = useRuntimeConfig();
  const several = useSeveralSystems();
  const say = (word: string) => (several ? ` ${word} ${systemName}` : '');
  const naming = { on: say('on'), by: say('by'), from: say('from'), to: say('to'), name: systemName };
  const { text, className, loud } = describe(command, naming);
  const base = command.system?.apiBaseUrl ?? apiBaseUrl;
  const sign = { storeBaseUrl, name: signedInAs ?? 'your-name' };
  const fallback = loud ? fallbackCommand(command, base, window.location.origin, sign) : '';
  const { label } = controlById(command.controlId);
  const scope = command.scope.venueId ? ` on ${command.scope.venueId}` : '';
  return (
    <li
      data-phase={command.phase}
      aria-label={`${label}${scope}${naming.on ? `,${naming.on}` : ''}`}
      className={`rounded px-2 py-1 text-sm ${loud ? 'bg-red-700' : 'bg-slate-800'}`}
    >
      <p className={className} role={loud ? 'alert' : undefined}>
        <span className="font-semibold text-slate-100">
          {label}
          {scope}
        </span>{' '}
        <span className="text-slate-400">{formatClock(command.startedAt)}</span> · {text}
      </p>
      {loud && (
        <CommandToRun command={fallback} copyLabel="Copy fallback command" className="mt-1 max-w-[70ch]" />
      )}
    </li>
  );
}
