import { CopyButton } from '../../components/ui/copy-button.tsx';
import { useRuntimeConfig } from '../../config/config-context.tsx';
import { confirmationMs } from '../../controls/command-machine.ts';
import type { Command } from '../../controls/command-machine.ts';
import { controlById } from '../../controls/registry.ts';
import { formatClock } from '../../lib/format.ts';
import { fallbackCommand } from './fallback-command.ts';

function describe(command: Command): { text: string; className: string; loud: boolean } {
  const seen = command.observedAt !== null ? '; the trading state now shows the effect' : '';
  switch (command.phase) {
    case 'sending':
      return { text: 'sending…', className: 'text-sky-300', loud: false };
    case 'retrying':
      return {
        text: `no valid answer yet (${command.problem}) — retrying, attempt ${command.attempts + 1}, same command key${seen}`,
        className: 'text-amber-300',
        loud: false,
      };
    case 'accepted':
      return command.verifiable
        ? { text: 'accepted — waiting to see it in effect', className: 'text-sky-300', loud: false }
        : {
            text: 'ACCEPTED — nothing on this board can show its effect: check with the trading system',
            className: 'text-sky-200',
            loud: false,
          };
    case 'confirmed':
      return {
        text: `CONFIRMED in ${confirmationMs(command)} ms`,
        className: 'text-emerald-300',
        loud: false,
      };
    case 'unconfirmed':
      return {
        text: `UNCONFIRMED — ${command.acceptedAt ? 'accepted, but' : 'no valid answer, and'} not seen in effect after ${Math.round((command.deadlineAt - command.startedAt) / 1000)} s${command.problem ? ` (${command.problem})` : ''}`,
        className: 'text-white',
        loud: true,
      };
    case 'rejected':
      return { text: `REJECTED — ${command.problem}`, className: 'text-red-300', loud: false };
    case 'failed':
      return {
        text: `NO VALID ANSWER — it may have executed (${command.problem})${seen}. Holding again re-sends the same command, which cannot run twice.`,
        className: 'text-white',
        loud: true,
      };
  }
}

/**
 * What came of one command, in words. Accepted is never shown as done; UNCONFIRMED and NO VALID ANSWER
 * are loud and carry the command to run by hand, with the same key so it cannot run twice.
 */
export function CommandStatus({ command }: { command: Command }) {
  const { apiBaseUrl } = useRuntimeConfig();
  const { text, className, loud } = describe(command);
  const fallback = loud ? fallbackCommand(command, apiBaseUrl, window.location.origin) : '';
  const { label } = controlById(command.controlId);
  const scope = command.scope.venueId ? ` on ${command.scope.venueId}` : '';
  return (
    <li
      data-phase={command.phase}
      aria-label={`${label}${scope}`}
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
        <div className="mt-1 flex items-start gap-2">
          <pre className="max-w-[60ch] overflow-x-auto rounded bg-black/50 p-1 text-xs whitespace-pre">
            {fallback}
          </pre>
          <CopyButton text={fallback} label="Copy fallback command" />
        </div>
      )}
    </li>
  );
}
