import type { Playbook } from '../../playbook.ts';

export const p2HighApiLatency: Playbook = {
  id: 'smc-p2-high-api-latency',
  title: 'SMC P2: high API latency',
  system: 'smc',
  severity: 'P2',
  incidentTypes: ['performance-degradation'],
  summary:
    'The API gateway is slow. Add replicas and turn on autoscaling (70% CPU, 3–10 pods), then check pod usage and raise its resource limits if needed. No time window in the seed; the closing check is added.',
  phases: [
    {
      id: 'scale',
      title: 'Scale the API',
      window: null,
      steps: [
        {
          id: 'add-replicas',
          text: 'Run five API gateway replicas',
          owner: 'on-call-engineer',
          command: 'kubectl scale deployment api-gateway --replicas=5 -n smc-trading',
        },
        {
          id: 'autoscale',
          text: 'Enable autoscaling at 70% CPU between 3 and 10 pods',
          owner: 'on-call-engineer',
          command:
            'kubectl autoscale deployment api-gateway --cpu-percent=70 --min=3 --max=10 -n smc-trading',
        },
      ],
    },
    {
      id: 'optimise',
      title: 'Tune resources',
      window: null,
      steps: [
        {
          id: 'pod-usage',
          text: 'Check CPU and memory of the gateway pods',
          owner: 'on-call-engineer',
          command: 'kubectl top pods -n smc-trading -l app=api-gateway',
        },
        {
          id: 'raise-limits',
          text: 'If they are saturated, raise limits to 2 CPU / 4Gi and requests to 1 CPU / 2Gi',
          owner: 'on-call-engineer',
          command: `kubectl patch deployment api-gateway -n smc-trading -p '{"spec": {"template": {"spec": {"containers": [{
  "name": "api-gateway",
  "resources": {"limits": {"cpu": "2", "memory": "4Gi"}, "requests": {"cpu": "1", "memory": "2Gi"}}
}]}}}}'`,
        },
        {
          id: 'verify-latency',
          text: 'Confirm response times are back within target (added)',
          owner: 'on-call-engineer',
          command: 'curl -w "Time: %{time_total}s\\n" -o /dev/null -s https://api.smc-trading.com/health',
          verification: true,
        },
      ],
    },
  ],
};
