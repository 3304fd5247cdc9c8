import { Panel } from '../../components/ui/panel.tsx';

/** The active playbook's checklist will stand here, beside the board, once playbooks exist. */
export function ActiveChecklist() {
  return (
    <Panel title="Playbook checklist">
      <p className="text-slate-400">The playbook checklist is not built yet.</p>
    </Panel>
  );
}
