import { create } from 'zustand';
import { currentSession } from '../session/operator.ts';

// Who is making the edits, as the timeline will name them. A name, not a credential, so it may
// stay in localStorage across sessions; the operator's token never comes near it.
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

/** The name given here, else the signed-in operator's, else a placeholder the timeline can show. */
export function currentActor(): string {
  return useActorStore.getState().name || currentSession()?.operator || 'unnamed responder';
}

export function resetActor(): void {
  useActorStore.setState({ name: readName() });
}
