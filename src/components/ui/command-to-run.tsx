import { CopyButton } from './copy-button.tsx';

/**
 * A command a person runs by hand, exactly as it must be run, with one click to copy it: a
 * checklist step's command, a control the system offers only by hand, the fallback of a control
 * the dashboard could not confirm. Never wrapped, so what is copied is what is seen.
 */
export function CommandToRun({
  command,
  copyLabel = 'Copy command',
  className = '',
}: {
  command: string;
  copyLabel?: string;
  className?: string;
}) {
  return (
    <div className={`flex min-w-0 items-start gap-2 ${className}`}>
      <pre className="min-w-0 flex-1 overflow-x-auto rounded bg-black p-1.5 text-xs whitespace-pre text-slate-200">
        <code>{command}</code>
      </pre>
      <CopyButton text={command} label={copyLabel} />
    </div>
  );
}
