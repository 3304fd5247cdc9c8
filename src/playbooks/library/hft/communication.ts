import type { Playbook } from '../../playbook.ts';

export const communication: Playbook = {
  id: 'hft-communication',
  title: 'HFT: communication protocol',
  system: 'hft',
  incidentTypes: [],
  summary:
    'Who is told what, when, and through which channel: war room set-up, paging by severity, the trading desk within 5 minutes, management within 15 for SEV1/SEV2, and status-page updates at a cadence set by severity. Channels: Slack #incident-response, incident-team@company.com, hotline +1-555-0100.',
  phases: [
    {
      id: 'open',
      title: 'Open the response',
      window: { from: 0, to: 5 },
      steps: [
        {
          id: 'page-by-severity',
          text: 'Page according to severity',
          owner: 'incident-commander',
          branches: [
            {
              when: 'SEV1',
              steps: [{ id: 'page-all', text: 'Page all on-call and management', owner: 'communications' }],
            },
            {
              when: 'SEV2',
              steps: [{ id: 'page-oncall', text: 'Page the on-call engineer', owner: 'communications' }],
            },
            {
              when: 'SEV3',
              steps: [
                { id: 'notify-oncall', text: 'Notify on-call without paging', owner: 'communications' },
              ],
            },
            {
              when: 'SEV4',
              steps: [
                {
                  id: 'ticket',
                  text: 'Create a ticket for the next business day',
                  owner: 'communications',
                },
              ],
            },
          ],
        },
        {
          id: 'trading-desk',
          text: 'Tell the trading desk, always, within 5 minutes',
          owner: 'communications',
        },
        {
          id: 'war-room',
          text: 'Open a war room for SEV1, for multi-team or complex incidents, or when it will run long',
          owner: 'incident-commander',
          branches: [
            {
              when: 'War room needed',
              steps: [
                {
                  id: 'slack-channel',
                  text: 'Create a dedicated Slack channel named #incident-YYYYMMDD-HHMM',
                  owner: 'communications',
                },
                {
                  id: 'zoom',
                  text: 'Start the Zoom call (Conference Room A if on site)',
                  owner: 'communications',
                },
                {
                  id: 'scribe',
                  text: 'Assign a scribe to record every action',
                  owner: 'incident-commander',
                },
                { id: 'status-page', text: 'Update the status page', owner: 'communications' },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'escalate',
      title: 'Management',
      window: { from: 5, to: 15 },
      steps: [
        {
          id: 'management',
          text: 'For SEV1 and SEV2, inform management within 15 minutes',
          owner: 'communications',
        },
        {
          id: 'customers',
          text: 'Inform customers only if the service to them is affected',
          owner: 'communications',
        },
      ],
    },
    {
      id: 'updates',
      title: 'Ongoing updates',
      window: { from: 15, to: null },
      steps: [
        {
          id: 'cadence',
          text: 'Keep the status page current at the cadence for the severity',
          owner: 'communications',
          branches: [
            {
              when: 'SEV1',
              steps: [{ id: 'every-15', text: 'Update every 15 minutes', owner: 'communications' }],
            },
            {
              when: 'SEV2',
              steps: [{ id: 'every-30', text: 'Update every 30 minutes', owner: 'communications' }],
            },
            {
              when: 'SEV3',
              steps: [{ id: 'on-resolve', text: 'Update once it is resolved', owner: 'communications' }],
            },
          ],
        },
        {
          id: 'all-clear',
          text: 'On resolution, send the all-clear to everyone who was told',
          owner: 'communications',
        },
      ],
    },
  ],
};
