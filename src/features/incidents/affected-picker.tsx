/** Services or venues affected, picked from the live state's own list so names match the board. */
export function AffectedPicker({
  legend,
  options,
  chosen,
  onChange,
}: {
  legend: string;
  options: readonly string[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="text-sm text-slate-300">{legend}</legend>
      {options.length === 0 ? (
        <p className="text-xs text-slate-400">The live state has no list right now.</p>
      ) : (
        <div className="flex flex-wrap gap-x-3 gap-y-1">
          {options.map((name) => (
            <label key={name} className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                checked={chosen.includes(name)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...chosen, name] : chosen.filter((c) => c !== name))
                }
              />
              {name}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
