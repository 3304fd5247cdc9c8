import type { Playbook } from '../../playbook.ts';

export const postIncident: Playbook = {
  id: 'rtes-post-incident',
  title: 'RTES post-incident analysis',
  system: 'rtes',
  incidentTypes: [],
  summary:
    'After an RTES incident: gather logs and metrics for the incident period, rebuild the timeline, then harden monitoring and alerting and feed the lessons into the runbooks. The seed gives no time windows.',
  phases: [
    {
      id: 'root-cause',
      title: 'Root cause analysis',
      window: null,
      steps: [
        {
          id: 'collect-logs',
          text: 'Collect system logs covering two hours around the incident',
          owner: 'scribe',
          command: './scripts/log_collector.sh --incident <INCIDENT_ID> --timeframe "2 hours"',
        },
        {
          id: 'export-metrics',
          text: 'Export metrics for the incident period',
          owner: 'scribe',
          command: './scripts/metrics_export.sh --from "<START_TIME>" --to "<END_TIME>"',
        },
        {
          id: 'timeline',
          text: 'Generate the incident timeline',
          owner: 'scribe',
          command: './scripts/timeline_generator.sh --incident <INCIDENT_ID>',
        },
      ],
    },
    {
      id: 'prevention',
      title: 'Preventive measures',
      window: null,
      steps: [
        {
          id: 'update-monitoring',
          text: 'Update monitoring rules from what the incident showed',
          owner: 'on-call-engineer',
          command: './scripts/update_monitoring.sh --based-on-incident <INCIDENT_ID>',
        },
        {
          id: 'tune-alerting',
          text: 'Tune alerting for this kind of incident',
          owner: 'on-call-engineer',
          command: './scripts/alert_tuning.sh --incident-type <INCIDENT_TYPE>',
        },
        {
          id: 'update-runbooks',
          text: 'Fold the lessons learned into the runbooks',
          owner: 'incident-commander',
          command: './scripts/runbook_update.sh --lessons-learned <INCIDENT_ID>',
        },
      ],
    },
  ],
};
