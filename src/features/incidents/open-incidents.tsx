import { Panel } from '../../components/ui/panel.tsx';

/**
 * Open incidents will come from the war-room store; the view is not built yet. The panel
 * keeps its place in the layout and says plainly that it has nothing to show, rather than an
 * empty list that would read as "no incidents".
 */
export function OpenIncidents() {
  return (
    <Panel title="Open incidents">
      <p className="text-slate-400">
        The incidents view is not built yet: declare and track incidents in your usual tool for now.
      </p>
    </Panel>
  );
}
