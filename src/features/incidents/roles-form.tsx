import { useState } from 'react';
import type { IncidentRoles, RoleName } from '../../../contract/store-schemas.ts';
import { roleNameSchema } from '../../../contract/store-schemas.ts';
import { ROLE_LABELS } from '../../warroom/labels.ts';
import { useWarRoomWrites } from '../../warroom/writes.ts';
import { inputClass } from './form-field.tsx';

/** Who holds each role, by name; an empty name gives the role back. */
export function RolesForm({ id, roles }: { id: string; roles: IncidentRoles }) {
  return (
    <fieldset className="flex min-w-0 flex-col gap-1">
      <legend className="text-sm font-semibold text-slate-300">Roles</legend>
      {roleNameSchema.options.map((role) => (
        // Keyed by the stored name: when someone else changes it, the field shows theirs.
        <RoleField key={`${role}:${roles[role] ?? ''}`} id={id} role={role} current={roles[role]} />
      ))}
    </fieldset>
  );
}

function RoleField({ id, role, current }: { id: string; role: RoleName; current: string | null }) {
  const writes = useWarRoomWrites();
  const [name, setName] = useState(current ?? '');
  const changed = name.trim() !== (current ?? '');
  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (changed) writes.assignRole(id, role, name.trim() === '' ? null : name.trim());
      }}
    >
      <label htmlFor={`role-${role}`} className="w-28 shrink-0 text-sm text-slate-300">
        {ROLE_LABELS[role]}
      </label>
      <input
        id={`role-${role}`}
        value={name}
        maxLength={200}
        placeholder="unassigned"
        onChange={(e) => setName(e.target.value)}
        className={`${inputClass} min-w-0 flex-1`}
      />
      <button
        type="submit"
        disabled={!changed}
        aria-label={`Set ${ROLE_LABELS[role]}`}
        className="rounded border border-slate-400 px-2 py-1 text-sm disabled:opacity-40"
      >
        Set
      </button>
    </form>
  );
}
