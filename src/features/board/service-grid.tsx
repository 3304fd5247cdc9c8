import type { Health, Service } from '../../../contract/schemas.ts';
import { Panel } from '../../components/ui/panel.tsx';
import { formatAge } from '../../lib/format.ts';
import { useSection } from '../../live/use-section.ts';
import { SectionBody } from './section-body.tsx';
import { StatusLabel } from './status-label.tsx';
import type { StatusLook } from './status-label.tsx';

const look: Record<Health, StatusLook> = {
  UP: { icon: '●', word: 'UP', text: 'text-emerald-300', tile: 'border-emerald-600 bg-slate-800' },
  DEGRADED: { icon: '◐', word: 'DEGRADED', text: 'text-amber-300', tile: 'border-amber-500 bg-slate-800' },
  DOWN: { icon: '✖', word: 'DOWN', text: 'text-red-300', tile: 'border-red-500 bg-red-950/70' },
};

const rank: Record<Health, number> = { DOWN: 0, DEGRADED: 1, UP: 2 };

/**
 * Health checks run every few seconds (5 s in the seeds); a result three intervals old means
 * the checker itself is stuck, and an UP from it no longer says anything.
 */
export const CHECK_OVERDUE_MS = 15_000;

/** Worst first, so the commander's eye lands on what is broken; then by name, to stay findable. */
export function sortServices(services: readonly Service[]): Service[] {
  return [...services].sort((a, b) => rank[a.health] - rank[b.health] || a.name.localeCompare(b.name));
}

/** One tile per service: what is broken, why, and how recent the verdict is. */
export function ServiceGrid({ className }: { className?: string }) {
  const { value, problem, age, notOffered } = useSection('services');
  return (
    <Panel title="Service health" age={age} problem={problem} notOffered={notOffered} className={className}>
      <SectionBody value={value}>
        {(services, asOfMs) => <ServiceTiles services={services} asOfMs={asOfMs} />}
      </SectionBody>
    </Panel>
  );
}

function ServiceTiles({ services, asOfMs }: { services: readonly Service[]; asOfMs: number }) {
  const notUp = services.filter((s) => s.health !== 'UP');
  const worst = notUp.some((s) => s.health === 'DOWN') ? 'text-red-300' : 'text-amber-300';
  return (
    <>
      <p className={`mb-2 font-semibold ${notUp.length > 0 ? worst : 'text-slate-300'}`}>
        {notUp.length > 0 ? `${notUp.length} of ${services.length} not UP` : `all ${services.length} UP`}
      </p>
      <ul aria-label="Services" className="grid grid-cols-[repeat(auto-fill,minmax(9.5rem,1fr))] gap-2">
        {sortServices(services).map((service) => (
          <ServiceTile key={service.id} service={service} asOfMs={asOfMs} />
        ))}
      </ul>
    </>
  );
}

function ServiceTile({ service, asOfMs }: { service: Service; asOfMs: number }) {
  const checkAgeMs = Math.max(0, asOfMs - Date.parse(service.lastCheckAt));
  const overdue = checkAgeMs > CHECK_OVERDUE_MS;
  const { tile } = look[service.health];
  return (
    <li
      aria-label={service.name}
      data-status={service.health}
      className={`rounded border-l-4 px-2 py-1.5 ${tile}`}
    >
      <p className="font-semibold text-white">{service.name}</p>
      <StatusLabel look={look[service.health]} />
      {service.health !== 'UP' && service.detail && (
        <p className="text-sm text-slate-200">{service.detail}</p>
      )}
      <p className={`text-sm ${overdue ? 'font-semibold text-amber-300' : 'text-slate-400'}`}>
        {overdue && '⚠ check overdue · '}checked {formatAge(checkAgeMs)} ago
      </p>
    </li>
  );
}
