import { useEffect } from 'react';
import { Panel } from '../../components/ui/panel.tsx';
import { useNow } from '../../lib/use-now.ts';
import { incidentSelectionActions } from '../../warroom/active-incident.ts';
import { useAudit, useIncident, useTimeline } from '../../warroom/incident-hooks.ts';
import { useIncidentSystems } from '../../warroom/incident-systems.ts';
import { STATUS_LABELS, systemLabel, TYPE_LABELS, utcDateTime } from '../../warroom/labels.ts';
import { slaState } from '../../warroom/sla.ts';
import { ExportPostMortem } from './export-post-mortem.tsx';
import { IncidentActions } from './incident-actions.tsx';
import { MessageTemplates } from './message-templates.tsx';
import { NoteForm } from './note-form.tsx';
import { PostMortemSection } from './post-mortem-section.tsx';
import { RolesForm } from './roles-form.tsx';
import { SeverityBadge } from './severity-badge.tsx';
import { SlaTimers } from './sla-timers.tsx';
import { TimelineList } from './timeline-list.tsx';

/** One incident, everything the war room does with it, in the right-hand column. */
export function IncidentView({ id }: { id: string }) {
  const view = useIncident(id);
  const { events, pending } = useTimeline(view.id);
  const { records } = useAudit(view.id);
  const now = useNow(1000);
  const systemOf = useIncidentSystems();

  // Declared offline: once the store has given the incident its id, follow it.
  useEffect(() => {
    if (view.id !== id) incidentSelectionActions.incidentOpened(view.id);
  }, [view.id, id]);

  const { incident } = view;
  if (!incident)
    return (
      <Panel title="Incident">
        <p className="text-sm text-slate-400">
          {view.error ? `Could not read ${id}: ${view.error.message}` : `Reading ${id}…`}
        </p>
      </Panel>
    );
  const system = systemOf(incident.systemId);
  const sla = slaState(incident, events, now, system.sla);
  return (
    <Panel title={`Incident ${view.synced ? incident.id : '(not yet in the store)'}`}>
      <div className="flex flex-col gap-3">
        <header className="flex flex-col gap-1">
          <div className="flex items-center gap-2">
            <SeverityBadge scheme={incident.severityScheme} severity={incident.severity} />
            <h3 className="font-semibold">{incident.title}</h3>
          </div>
          <p aria-label="Trading system" className="text-sm text-slate-200">
            {systemLabel(system.id, system.name)}
          </p>
          <p className="text-xs text-slate-400">
            {TYPE_LABELS[incident.type]} · {STATUS_LABELS[incident.status]} · declared{' '}
            {utcDateTime(incident.declaredAt)} by {incident.declaredBy}
            {incident.affectedServices.length + incident.affectedVenues.length > 0 &&
              ` · affects ${[...incident.affectedServices, ...incident.affectedVenues].join(', ')}`}
          </p>
          <button
            type="button"
            className="self-start text-xs text-slate-400 underline"
            onClick={incidentSelectionActions.incidentClosed}
          >
            close
          </button>
        </header>
        <IncidentActions id={view.id} incident={incident} />
        <SlaTimers sla={sla} />
        <RolesForm id={view.id} roles={incident.roles} />
        <NoteForm id={view.id} />
        <TimelineList events={events} pending={pending} />
        <MessageTemplates incident={incident} events={events} now={now} policy={system.sla} />
        <PostMortemSection id={view.id} incident={incident} events={events} />
        <ExportPostMortem
          incident={incident}
          events={events}
          audit={records}
          policy={system.sla}
          systemName={(id) => systemOf(id).name}
        />
      </div>
    </Panel>
  );
}
