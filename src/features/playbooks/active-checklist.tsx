import { Panel } from '../../components/ui/panel.tsx';
import { useActiveIncident } from '../../warroom/active-incident.ts';
import { IncidentChecklist } from './incident-checklist.tsx';

/** The active incident's playbook, beside the board. */
export function ActiveChecklist() {
  const active = useActiveIncident();
  return (
    <Panel title="Playbook checklist">
      {active ? (
        <IncidentChecklist key={active.id} incidentId={active.id} />
      ) : (
        <p className="text-slate-400">No active incident: open one to follow its playbook.</p>
      )}
    </Panel>
  );
}
