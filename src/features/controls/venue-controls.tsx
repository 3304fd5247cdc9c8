import { useState } from 'react';
import { useStatus } from '../../live/status-query.ts';
import { ControlButton } from './control-button.tsx';

/** Venue actions: pick the venue, then act on it. */
export function VenueControls({ reason, onError }: { reason: string; onError: (message: string) => void }) {
  const venues = useStatus((s) => s.venues?.map((v) => ({ id: v.id, name: v.name })) ?? []) ?? [];
  const [chosen, setChosen] = useState('');
  const venueId = chosen || venues[0]?.id || '';
  if (venues.length === 0) return null;
  return (
    <span className="inline-flex items-center gap-2">
      <label htmlFor="venue-choice" className="text-sm text-slate-300">
        Venue
      </label>
      <select
        id="venue-choice"
        value={venueId}
        onChange={(e) => setChosen(e.target.value)}
        className="rounded border border-slate-500 bg-slate-950 px-2 py-1"
      >
        {venues.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
      <ControlButton controlId="venue-cancel-all" scope={{ venueId }} reason={reason} onError={onError} />
      <ControlButton controlId="venue-disable" scope={{ venueId }} reason={reason} onError={onError} />
      <ControlButton controlId="venue-reconnect" scope={{ venueId }} reason={reason} onError={onError} />
      <ControlButton controlId="venue-failover" scope={{ venueId }} reason={reason} onError={onError} />
    </span>
  );
}
