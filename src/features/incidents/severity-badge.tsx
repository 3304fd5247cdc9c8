import type { Severity, SeverityScheme } from '../../../contract/store-schemas.ts';
import { severityWord } from '../../warroom/labels.ts';
import type { SeverityWord } from '../../warroom/labels.ts';

const COLOURS: { readonly [W in SeverityWord]: string } = {
  critical: 'bg-red-700 text-white',
  high: 'bg-orange-600 text-white',
  medium: 'bg-amber-400 text-slate-950',
  low: 'bg-slate-500 text-white',
};

/** The severity as the trading system names it and as a word, so colour is never the only cue. */
export function SeverityBadge({ scheme, severity }: { scheme: SeverityScheme; severity: Severity }) {
  const word = severityWord(scheme, severity);
  return (
    <span className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-bold uppercase ${COLOURS[word]}`}>
      {severity} {word}
    </span>
  );
}
