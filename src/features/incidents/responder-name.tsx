import { actorActions, useActorName } from '../../warroom/actor.ts';
import { inputClass } from './form-field.tsx';

/** Who the timeline will name for this browser's edits. */
export function ResponderName() {
  const name = useActorName();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-300">
      Your name
      <input
        value={name}
        maxLength={200}
        placeholder="as the timeline shows you"
        onChange={(e) => actorActions.nameChosen(e.target.value)}
        className={`${inputClass} min-w-0 flex-1`}
      />
    </label>
  );
}
