import type { Playbook } from '../../playbook.ts';

export const postIncidentReview: Playbook = {
  id: 'hft-post-incident-review',
  title: 'HFT: post-incident review',
  system: 'hft',
  incidentTypes: [],
  summary:
    'Closing out after service is restored: validate and document during recovery (4–24 h), hold the review within 48 hours of resolution with the commander, all responders, a management representative and affected teams, and deliver the post-mortem, owned action items, updated runbooks and prevention measures within 7 days.',
  phases: [
    {
      id: 'recovery',
      title: 'Recovery and documentation',
      window: { from: 240, to: 1440 },
      steps: [
        {
          id: 'full-validation',
          text: 'Validate the whole system',
          owner: 'on-call-engineer',
          verification: true,
        },
        { id: 'normal-ops', text: 'Return to normal operations', owner: 'incident-commander' },
        { id: 'document', text: 'Write up the incident while it is fresh', owner: 'scribe' },
        { id: 'first-lessons', text: 'Capture the first lessons learned', owner: 'incident-commander' },
      ],
    },
    {
      id: 'review-meeting',
      title: 'Review meeting (within 48 h of resolution)',
      window: null,
      steps: [
        {
          id: 'invite',
          text: 'Invite the incident commander, every responder, a management representative and the affected teams',
          owner: 'incident-commander',
        },
        { id: 'timeline', text: 'Walk through the timeline', owner: 'scribe' },
        { id: 'went-well', text: 'Discuss what went well', owner: 'incident-commander' },
        { id: 'went-badly', text: 'Discuss what went badly', owner: 'incident-commander' },
        { id: 'root-cause', text: 'Analyse the root cause', owner: 'incident-commander' },
        { id: 'actions', text: 'Agree action items', owner: 'incident-commander' },
        { id: 'doc-updates', text: 'Agree which documents need updating', owner: 'scribe' },
      ],
    },
    {
      id: 'deliverables',
      title: 'Deliverables',
      window: { from: 1440, to: 10080 },
      steps: [
        { id: 'postmortem', text: 'Publish the written post-mortem', owner: 'incident-commander' },
        {
          id: 'action-list',
          text: 'Publish the action items, each with an owner',
          owner: 'incident-commander',
        },
        { id: 'runbooks', text: 'Update the runbooks and procedures', owner: 'scribe' },
        { id: 'prevention', text: 'Put the prevention measures in place', owner: 'on-call-engineer' },
      ],
    },
  ],
};
