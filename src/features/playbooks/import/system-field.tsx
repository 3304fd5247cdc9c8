import { useId } from 'react';
import { playbookSystemSchema } from '../../../../contract/store-schemas.ts';

/**
 * Which trading system a playbook is for, by its id: one of `choices` (the connected systems and
 * generic), or any other typed in, since a runbook may be imported before its system is
 * connected. An id the store would refuse is said at once; the draft's problems then hold up
 * saving it.
 */
export function SystemField({
  value,
  choices,
  onChange,
  className,
}: {
  value: string;
  choices: readonly string[];
  onChange: (system: string) => void;
  className: string;
}) {
  const listId = useId();
  const errorId = useId();
  const checked = playbookSystemSchema.safeParse(value);
  const problem = checked.success ? null : (checked.error.issues[0]?.message ?? 'not a system id');
  return (
    <span className="flex flex-col gap-0.5">
      <label className="flex items-center gap-1">
        System
        <input
          value={value}
          list={listId}
          maxLength={40}
          spellCheck={false}
          aria-invalid={problem !== null}
          aria-describedby={problem === null ? undefined : errorId}
          onChange={(e) => onChange(e.target.value.trim())}
          className={`w-32 ${className}`}
        />
      </label>
      <datalist id={listId}>
        {choices.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
      {problem !== null && (
        <span id={errorId} className="text-amber-300">
          {problem}
        </span>
      )}
    </span>
  );
}
