import type { Playbook } from '../../playbook.ts';

export const p1Response: Playbook = {
  id: 'lav-adaf-p1-response',
  title: 'LAV/ADAF P1: high-severity response protocol',
  system: 'lav-adaf',
  severity: 'P1',
  incidentTypes: [],
  summary:
    'For serious degradation: one of Market Sentinel, Risk Warden or Executioner down, latency or throughput over 50% worse, persistent risk violations, major venue trouble, or a data feed out over 30 minutes. The seed names only the four stages and their windows; the steps inside them are standard practice.',
  phases: [
    {
      id: 'alert',
      title: 'Alert on-call',
      window: { from: 0, to: 15 },
      steps: [
        {
          id: 'page-oncall',
          text: 'Page the on-call engineer (#lav-adaf-oncall, PagerDuty primary rotation)',
          owner: 'incident-commander',
        },
        {
          id: 'open-specific',
          text: 'Switch to the specific playbook if the trigger matches one',
          owner: 'incident-commander',
          branches: [
            {
              when: 'Market Sentinel is down or regime data is stale',
              steps: [
                {
                  id: 'use-sentinel-playbook',
                  text: 'Follow the Market Sentinel down playbook',
                  owner: 'on-call-engineer',
                },
              ],
            },
            {
              when: 'Risk Warden raises a storm of alerts',
              steps: [
                {
                  id: 'use-warden-playbook',
                  text: 'Follow the Risk Warden alert storm playbook',
                  owner: 'risk',
                },
              ],
            },
            {
              when: 'Executioner fill rate or venue connectivity drops',
              steps: [
                {
                  id: 'use-executioner-playbook',
                  text: 'Follow the Executioner fill-rate drop playbook',
                  owner: 'on-call-engineer',
                },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'assess',
      title: 'Assess impact',
      window: { from: 15, to: 30 },
      steps: [
        {
          id: 'scope',
          text: 'Establish which services, venues and strategies are affected',
          owner: 'on-call-engineer',
        },
        {
          id: 'business-impact',
          text: 'Estimate the trading and risk impact with the risk desk',
          owner: 'risk',
        },
        {
          id: 'escalate-p0',
          text: 'Re-declare as P0 if any P0 trigger is now met',
          owner: 'incident-commander',
        },
      ],
    },
    {
      id: 'mitigate',
      title: 'Mitigate',
      window: { from: 30, to: 60 },
      steps: [
        {
          id: 'apply-mitigation',
          text: 'Apply the mitigation chosen from the assessment',
          owner: 'on-call-engineer',
        },
        {
          id: 'verify-mitigation',
          text: 'Confirm latency, throughput and risk readings are back within bounds',
          owner: 'on-call-engineer',
          verification: true,
        },
        {
          id: 'stakeholder-update',
          text: 'Send the P1 status update to stakeholders before the hour is up',
          owner: 'communications',
        },
      ],
    },
  ],
};
