import type { Playbook } from '../../playbook.ts';

export const postIncidentReview: Playbook = {
  id: 'lav-adaf-post-incident-review',
  title: 'LAV/ADAF post-incident review',
  system: 'lav-adaf',
  incidentTypes: [],
  summary:
    'Blameless review: within 24 hours document the timeline, impact and how the response went; within a week find the root cause, raise action items and update runbooks, alerts and training.',
  phases: [
    {
      id: 'day-one',
      title: 'Within 24 hours',
      window: { from: 0, to: 1440 },
      steps: [
        {
          id: 'resolution-notice',
          text: 'Send the resolution notice with root cause, actions and the review date',
          owner: 'communications',
        },
        {
          id: 'timeline',
          text: 'Write the timeline: start and detection, key decisions, resolution milestones',
          owner: 'scribe',
        },
        {
          id: 'impact',
          text: 'Assess financial (PnL, costs), operational and reputational impact',
          owner: 'risk',
        },
        {
          id: 'response-evaluation',
          text: 'Rate the response: time against SLA, communication, tooling',
          owner: 'incident-commander',
        },
      ],
    },
    {
      id: 'week-one',
      title: 'Within one week',
      window: { from: 1440, to: 10080 },
      steps: [
        {
          id: 'root-cause',
          text: 'Analyse the technical root cause, contributing and human factors',
          owner: 'incident-commander',
        },
        {
          id: 'action-items',
          text: 'Raise action items for prevention, detection and response',
          owner: 'incident-commander',
        },
        {
          id: 'documentation',
          text: 'Update runbooks, refine alerts and training material',
          owner: 'on-call-engineer',
        },
        {
          id: 'write-review',
          text: 'Publish the blameless post-mortem (summary, timeline, impact, what went well, improvements, owners)',
          owner: 'scribe',
        },
      ],
    },
  ],
};
