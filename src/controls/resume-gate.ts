import { useQuery } from '@tanstack/react-query';
import type { Checklist } from '../../contract/store-schemas.ts';
import type { Playbook } from '../playbooks/playbook.ts';
import { verificationProgress } from '../playbooks/verification.ts';
import type { VerificationProgress } from '../playbooks/verification.ts';
import { useActiveIncident } from '../warroom/active-incident.ts';
import type { ActiveIncident } from '../warroom/active-incident.ts';
import { usePendingWrites } from '../warroom/outbox-store.ts';
import { usePlaybookCatalog } from '../warroom/playbook-catalog.ts';
import { useStoreBaseUrl, warroomQueries } from '../warroom/queries.ts';
import { useStoreLink } from '../warroom/store-link.ts';

/**
 * What resuming trading waits for. `ungated`: there is nothing to verify against (no incident,
 * no playbook, or one without checks), so only an override can resume. `gated`: the active
 * playbook's checks, ticked or not.
 */
export type ResumeGate =
  | { kind: 'ungated'; why: string }
  | { kind: 'gated'; incident: ActiveIncident; playbook: Playbook; progress: VerificationProgress };

/**
 * Judged on the ticks the war-room store has recorded — what every viewer sees — not on ticks
 * still waiting in this browser's outbox: resuming trading is a decision the whole room stands on.
 */
export function resumeGate(
  incident: ActiveIncident | null,
  checklist: { data: Checklist | undefined; error: Error | null },
  playbooks: { byId(id: string): Playbook | null; isPending: boolean },
  storeReachable = true,
): ResumeGate {
  if (!incident) return { kind: 'ungated', why: 'no active incident' };
  // Ticks shown while the store is away may be last known (kept from before a reload) or stale:
  // verification that nobody can confirm is not verification.
  if (!storeReachable)
    return { kind: 'ungated', why: 'the war-room store is not answering, so the checks cannot be confirmed' };
  if (checklist.error) return { kind: 'ungated', why: `${incident.id}'s checklist could not be read` };
  if (!checklist.data) return { kind: 'ungated', why: `reading ${incident.id}'s checklist…` };
  const { playbookId, ticks } = checklist.data;
  if (playbookId === null) return { kind: 'ungated', why: `${incident.id} follows no playbook yet` };
  const playbook = playbooks.byId(playbookId);
  if (!playbook)
    return {
      kind: 'ungated',
      why: playbooks.isPending
        ? `reading the saved playbooks for ${playbookId}…`
        : `playbook ${playbookId} is neither in the library nor saved in the store`,
    };
  const ticked = new Set(ticks.map((t) => t.stepId));
  const progress = verificationProgress(playbook, (id) => ticked.has(id));
  if (progress.total === 0) return { kind: 'ungated', why: `${playbook.title} has no verification checks` };
  return { kind: 'gated', incident, playbook, progress };
}

export function useResumeGate(): { gate: ResumeGate; ticksUnsent: boolean } {
  const incident = useActiveIncident();
  const baseUrl = useStoreBaseUrl();
  // The same cache entry the checklist reads, kept current by the change feed. The active
  // incident always has the store's id (see pickActiveIncident), so no local-id resolving here.
  const checklist = useQuery({
    ...warroomQueries.checklist(baseUrl, incident?.id ?? ''),
    enabled: incident !== null,
  });
  const pending = usePendingWrites();
  // The library and the playbooks saved in the store: an imported playbook gates like any other.
  const catalog = usePlaybookCatalog();
  const link = useStoreLink();
  const gate = resumeGate(incident, checklist, catalog, link.phase === 'live' || link.phase === 'polling');
  const ticksUnsent =
    incident !== null && pending.some((e) => e.incidentId === incident.id && e.kind === 'tick');
  return { gate, ticksUnsent };
}

/** The reason recorded with a resume the checks allowed: which playbook, and that all passed. */
export function verifiedReason(gate: Extract<ResumeGate, { kind: 'gated' }>): string {
  const { incident, playbook, progress } = gate;
  return `${incident.id}: playbook verification passed — ${playbook.title}, ${progress.ticked} of ${progress.total} checks ticked`;
}
