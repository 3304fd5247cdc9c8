import { Panel } from '../../components/ui/panel.tsx';
import { useActiveIncident } from '../../warroom/active-incident.ts';
import { ImportRunbookButton } from './import/import-runbook-button.tsx';
import { IncidentChecklist } from './incident-checklist.tsx';
import { useTickConfirmedSteps } from './step-commands.ts';

/**
 * The active incident's playbook, beside the board. Given a height (`className`), the checklist
 * scrolls inside it under the panel's title rather than pushing the page.
 */
export function ActiveChecklist({ className = '' }: { className?: string }) {
  const active = useActiveIncident();
  useTickConfirmedSteps();
  return (
    <Panel title="Playbook checklist" className={className}>
      {active ? (
        <div className="flex h-full min-h-0 flex-col">
          <IncidentChecklist key={active.id} incidentId={active.id} />
        </div>
      ) : (
        <div className="flex flex-col items-start gap-2">
          <p className="text-slate-400">No active incident: open one to follow its playbook.</p>
          <ImportRunbookButton />
        </div>
      )}
    </Panel>
  );
}
