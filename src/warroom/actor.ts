import { create } from 'zustand';
import { signedInPerson } from '../session/war-room-session.ts';

// Who is making the edits, as the timeline will name them. A name, not a credential, so it may
// stay in localStorage across sessions; no credential ever comes near it.
const STORAGE_KEY = 'warroom.actor';

const useActorStore = create<{ name: string }>()(() => ({ name: readName() }));

function readName(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

export const useActorName = () => useActorStore((s) => s.name);

export const actorActions = {
  nameChosen(name: string): void {
    const trimmed = name.trim().slice(0, 200);
    localStorage.setItem(STORAGE_KEY, trimmed);
    useActorStore.setState({ name: trimmed });
  },
};

/**
 * The signed-in person's name (the store writes it whatever is sent, so it is what the screen
 * should show meanwhile), else the name given here, else a placeholder the timeline can show.
 */
export function currentActor(): string {
  return signedInPerson()?.name || useActorStore.getState().name || 'unnamed responder';
}

export function resetActor(): void {
  useActorStore.setState({ name: readName() });
}
