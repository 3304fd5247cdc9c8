import { SEVERITIES_BY_SCHEME, severitySchemeSchema } from '../../../contract/store-schemas.ts';
import type { Severity, SeverityScheme } from '../../../contract/store-schemas.ts';
import { SCHEME_LABELS, SCHEME_NAMES, severityWord } from '../../warroom/labels.ts';
import { FormField, inputClass } from './form-field.tsx';

/**
 * The severity in the trading system's own scheme. A system that serves its incident policy
 * says which scheme it grades by, so only its severities are offered; for one that does not, the
 * commander chooses the scheme first.
 */
export function SeverityFields({
  scheme,
  gradedBy,
  severity,
  error,
  onScheme,
  onSeverity,
}: {
  scheme: SeverityScheme;
  /** The name of the system whose policy fixes the scheme; null when the commander chooses it. */
  gradedBy: string | null;
  severity: Severity | '';
  error: string | undefined;
  onScheme: (scheme: SeverityScheme) => void;
  onSeverity: (severity: Severity) => void;
}) {
  return (
    <div className="grid grid-cols-2 gap-2">
      {gradedBy === null ? (
        <FormField id="declare-scheme" label="Severity scheme">
          <select
            id="declare-scheme"
            value={scheme}
            className={inputClass}
            onChange={(e) => onScheme(severitySchemeSchema.parse(e.target.value))}
          >
            {severitySchemeSchema.options.map((s) => (
              <option key={s} value={s}>
                {SCHEME_LABELS[s]}
              </option>
            ))}
          </select>
        </FormField>
      ) : (
        <p className="self-end text-sm text-slate-300">
          Severity scheme: <strong className="text-white">{SCHEME_NAMES[scheme]}</strong>, as {gradedBy}{' '}
          grades its incidents
        </p>
      )}
      <FormField id="declare-severity" label="Severity" error={error}>
        <select
          id="declare-severity"
          value={severity}
          className={inputClass}
          aria-invalid={!!error}
          aria-describedby={error ? 'declare-severity-error' : undefined}
          onChange={(e) => onSeverity(e.target.value as Severity)}
        >
          <option value="">Choose…</option>
          {SEVERITIES_BY_SCHEME[scheme].map((s) => (
            <option key={s} value={s}>
              {s} — {severityWord(scheme, s)}
            </option>
          ))}
        </select>
      </FormField>
    </div>
  );
}
