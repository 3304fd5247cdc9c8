// Valid war-room store data for tests: one incident with its timeline, checklist and an audit
// record, a saved playbook, and one change of each type (ids 1 to 6) as the feed would send them. Deep-frozen like
// fixtures.ts (which re-exports these): `structuredClone` before changing one.
import type {
  Change,
  ChangePage,
  ChangeType,
  Checklist,
  ControlAuditRecord,
  Incident,
  SavedPlaybook,
  TimelineEvent,
} from './store-schemas.ts';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

export const incidentFixture: Incident = deepFreeze({
  id: 'INC-7',
  title: 'NYSE session dropped, orders not routed',
  systemId: 'eafix',
  severityScheme: 'P0-P3',
  severity: 'P1',
  type: 'exchange-outage',
  status: 'IDENTIFIED',
  affectedServices: ['router'],
  affectedVenues: ['xnys'],
  declaredAt: '2025-03-14T09:31:00.000Z',
  declaredBy: 'j.doe',
  acknowledgedAt: '2025-03-14T09:32:10.000Z',
  acknowledgedBy: 'a.lee',
  statusChangedAt: '2025-03-14T09:40:00.000Z',
  resolvedAt: null,
  lastNoteAt: '2025-03-14T09:38:00.000Z',
  roles: { commander: 'a.lee', scribe: 'm.ortiz', communications: null },
  impact: null,
  rootCause: null,
  updatedAt: '2025-03-14T09:40:00.000Z',
});

const noteEvent: TimelineEvent = {
  seq: 14,
  incidentId: 'INC-7',
  at: '2025-03-14T09:38:00.000Z',
  actor: 'm.ortiz',
  type: 'note',
  text: 'Venue support confirms a gateway restart on their side',
  details: {},
};

export const timelineFixture: readonly TimelineEvent[] = deepFreeze([
  {
    seq: 11,
    incidentId: 'INC-7',
    at: '2025-03-14T09:31:00.000Z',
    actor: 'j.doe',
    type: 'incident.declared',
    text: 'P1 exchange-outage declared: NYSE session dropped, orders not routed',
    details: { severity: 'P1', severityScheme: 'P0-P3', type: 'exchange-outage' },
  },
  noteEvent,
  {
    seq: 15,
    incidentId: 'INC-7',
    at: '2025-03-14T09:40:00.000Z',
    actor: 'a.lee',
    type: 'incident.status-changed',
    text: 'INVESTIGATING → IDENTIFIED',
    details: { from: 'INVESTIGATING', to: 'IDENTIFIED', reopened: false },
  },
]);

export const checklistFixture: Checklist = deepFreeze({
  incidentId: 'INC-7',
  playbookId: 'exchange-outage',
  chosenAt: '2025-03-14T09:33:00.000Z',
  chosenBy: 'a.lee',
  ticks: [{ stepId: 'disable-venue', tickedAt: '2025-03-14T09:34:00.000Z', tickedBy: 'a.lee' }],
});

export const auditRecordFixture: ControlAuditRecord = deepFreeze({
  seq: 3,
  recordedAt: '2025-03-14T09:34:01.000Z',
  incidentId: 'INC-7',
  systemId: 'eafix',
  operator: 'a.lee',
  controlId: 'venue-disable',
  scope: 'venue:xnys',
  reason: 'Session down; stop routing there',
  idempotencyKey: 'c0ffee00-0000-4000-8000-000000000001',
  result: 'accepted',
  latencyMs: 142,
  attemptedAt: '2025-03-14T09:34:00.850Z',
  commandId: 'cmd-31',
  detail: null,
});

/** An imported runbook, with a branch, a control step and a verification, at its second revision. */
export const savedPlaybookFixture: SavedPlaybook = deepFreeze({
  playbook: {
    id: 'import-nyse-session-loss',
    title: 'NYSE session loss (desk runbook)',
    system: 'generic',
    incidentTypes: ['exchange-outage', 'connectivity'],
    summary: 'What the desk does when the NYSE order session drops.',
    phases: [
      {
        id: 'first-minutes',
        title: 'First minutes',
        window: { from: 0, to: 5 },
        steps: [
          {
            id: 'disable-venue',
            text: 'Stop routing to NYSE',
            owner: 'trading-desk',
            control: { id: 'venue-disable', venue: true },
          },
          {
            id: 'whose-side',
            text: 'Find out whose side the fault is on',
            branches: [
              {
                when: 'NYSE confirms an outage',
                steps: [{ id: 'wait-for-venue', text: 'Wait for the venue to reopen' }],
              },
            ],
          },
        ],
      },
      {
        id: 'resume',
        title: 'Before resuming',
        window: { from: 5, to: null },
        steps: [{ id: 'orders-reconciled', text: 'Open orders reconciled with NYSE', verification: true }],
      },
    ],
  },
  revision: 2,
  savedAt: '2025-03-14T10:02:00.000Z',
  savedBy: 'a.lee',
});

const base = (id: number, at: string) => ({ id, at, incidentId: 'INC-7' });

/** One change of each type, keyed by type, ids 1 to 6. */
export const changeFixtures: { readonly [K in ChangeType]: Extract<Change, { type: K }> } = deepFreeze({
  'incident.created': {
    ...base(1, incidentFixture.declaredAt),
    type: 'incident.created',
    incident: incidentFixture,
  },
  'timeline.appended': {
    ...base(2, '2025-03-14T09:38:00.000Z'),
    type: 'timeline.appended',
    event: noteEvent,
  },
  'checklist.changed': {
    ...base(3, '2025-03-14T09:34:00.000Z'),
    type: 'checklist.changed',
    checklist: checklistFixture,
  },
  'audit.appended': {
    ...base(4, '2025-03-14T09:34:01.000Z'),
    type: 'audit.appended',
    record: auditRecordFixture,
  },
  'incident.updated': {
    ...base(5, incidentFixture.updatedAt),
    type: 'incident.updated',
    incident: incidentFixture,
  },
  'playbook.saved': {
    ...base(6, savedPlaybookFixture.savedAt),
    incidentId: null,
    type: 'playbook.saved',
    savedPlaybook: savedPlaybookFixture,
  },
});

export const changePageFixture: ChangePage = deepFreeze({
  storeId: '5f0c9a3e2b7d41c6a8e9f01234567890',
  changes: Object.values(changeFixtures),
  lastChangeId: 6,
});
