import type { LiveState, Section, SectionProblem } from './live-state.ts';
import { notOfferedReason, offeredAs } from './not-offered.ts';
import { useStatus } from './status-query.ts';
import { useDataAge } from './use-data-age.ts';
import type { DataAge } from './use-data-age.ts';

export interface SectionView<S extends Section> {
  /** undefined before the first contact; null when the section never arrived valid. */
  value: LiveState[S] | undefined;
  problem: SectionProblem | null;
  /** How old what the panel shows is: since the last valid data for it. */
  age: DataAge;
  /** Why the system does not offer this section at all; null when it does. */
  notOffered: string | null;
}

/** What one panel needs: its part of the live state, what is wrong with it, and how old it is. */
export function useSection<S extends Section>(section: S): SectionView<S> {
  const value = useStatus((s) => s[section]);
  const problem = useStatus((s) => s.problems[section] ?? null) ?? null;
  const linkAge = useDataAge();
  const name = offeredAs[section];
  const notOffered = useStatus((s) => (name ? notOfferedReason(s.system, name) : null)) ?? null;
  const age = problem
    ? { ageMs: Math.max(0, linkAge.now - problem.since), stale: true, now: linkAge.now }
    : linkAge;
  return { value, problem, age, notOffered };
}
