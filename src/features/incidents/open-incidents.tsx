import { Panel } from '../../components/ui/panel.tsx';

/**
 * Open incidents come from the war-room store, which is not part of this build yet. The panel
 * keeps its place in the layout and says plainly that it has nothing to show, rather than an
 * empty list that would read as "no incidents".
 */
export function OpenIncidents() {
  return (
    <Panel title="Open incidents">
      <p className="text-slate-400">
        Not connected: the war-room store (incidents, timeline) is not set up yet.
      </p>
    </Panel>
  );
}
