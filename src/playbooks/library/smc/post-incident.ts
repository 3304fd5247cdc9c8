import type { Playbook } from '../../playbook.ts';

export const postIncident: Playbook = {
  id: 'smc-post-incident',
  title: 'SMC post-incident procedure',
  system: 'smc',
  incidentTypes: [],
  summary:
    'After resolution: confirm everything works, remove workarounds, send the resolution notice; hold the post-mortem within 24–48 hours; land the preventive work within one to two weeks.',
  phases: [
    {
      id: 'post-resolution',
      title: 'Right after resolution',
      window: { from: 0, to: 120 },
      steps: [
        {
          id: 'verify-operational',
          text: 'Check that every system is fully working',
          owner: 'on-call-engineer',
          verification: true,
        },
        { id: 'remove-workarounds', text: 'Take out temporary workarounds', owner: 'on-call-engineer' },
        { id: 'tune-alerting', text: 'Adjust monitoring and alerts if the incident showed gaps' },
        {
          id: 'resolution-notice',
          text: 'Send the resolution notice: root cause, fix, durations, follow-ups, post-mortem link',
          owner: 'communications',
        },
        { id: 'collect-data', text: 'Start gathering material for the post-mortem', owner: 'scribe' },
      ],
    },
    {
      id: 'post-mortem',
      title: 'Post-mortem',
      window: { from: 1440, to: 2880 },
      steps: [
        {
          id: 'schedule-meeting',
          text: 'Book the post-mortem meeting within 24 hours',
          owner: 'incident-commander',
        },
        { id: 'timeline', text: 'Assemble the timeline of events', owner: 'scribe' },
        { id: 'root-causes', text: 'Pin down the root cause or causes', owner: 'incident-commander' },
        { id: 'lessons', text: 'Write down what was learned', owner: 'scribe' },
        { id: 'action-items', text: 'Create prevention action items', owner: 'incident-commander' },
        { id: 'update-runbooks', text: 'Revise runbooks and procedures', owner: 'on-call-engineer' },
      ],
    },
    {
      id: 'follow-up',
      title: 'Follow-up',
      window: { from: 10080, to: 20160 },
      steps: [
        { id: 'prevention', text: 'Deliver the preventive measures', owner: 'on-call-engineer' },
        { id: 'monitoring', text: 'Improve monitoring and alerting', owner: 'on-call-engineer' },
        { id: 'training', text: 'Run training where it is needed', owner: 'incident-commander' },
        {
          id: 'review-process',
          text: 'Review the incident response procedure itself',
          owner: 'incident-commander',
        },
        { id: 'share', text: 'Share the lessons with the wider team', owner: 'communications' },
      ],
    },
  ],
};
