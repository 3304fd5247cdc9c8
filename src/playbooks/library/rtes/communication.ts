import type { Playbook } from '../../playbook.ts';

export const communication: Playbook = {
  id: 'rtes-communication',
  title: 'RTES incident communication',
  system: 'rtes',
  incidentTypes: [],
  summary:
    'Internal and external messages for an RTES incident: declare it in the incident manager, post status updates, notify clients by email, SMS and API, and produce the regulatory report. The seed gives no timings.',
  phases: [
    {
      id: 'internal',
      title: 'Internal communication',
      window: null,
      steps: [
        {
          id: 'declare',
          text: 'Open the incident in the incident manager with title, severity and description',
          owner: 'incident-commander',
          command:
            './scripts/incident_manager.sh --create \\\n  --title "<INCIDENT_TITLE>" \\\n  --severity <SEVERITY> \\\n  --description "<DESCRIPTION>"',
        },
        {
          id: 'status-update',
          text: 'Post a status update on the incident',
          owner: 'scribe',
          command: './scripts/incident_manager.sh --update <INCIDENT_ID> \\\n  --status "<STATUS>"',
        },
      ],
    },
    {
      id: 'external',
      title: 'External communication',
      window: null,
      steps: [
        {
          id: 'client-notice',
          text: 'Alert clients over email, SMS and API',
          owner: 'communications',
          command:
            './scripts/client_notification.sh \\\n  --message "<MESSAGE>" \\\n  --channels "email,sms,api"',
        },
        {
          id: 'regulatory-report',
          text: 'Generate the regulatory report in the regulatory standard format',
          owner: 'communications',
          command:
            './scripts/regulatory_report.sh \\\n  --incident <INCIDENT_ID> \\\n  --format "regulatory_standard"',
        },
      ],
    },
  ],
};
