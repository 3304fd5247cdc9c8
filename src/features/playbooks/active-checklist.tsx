import { Panel } from '../../components/ui/panel.tsx';

/** The active playbook's checklist will stand here, beside the board, once playbooks exist. */
export function ActiveChecklist() {
  return (
    <Panel title="Playbook checklist">
      <p className="text-slate-400">No playbook loaded: playbooks are not set up yet.</p>
    </Panel>
  );
}
