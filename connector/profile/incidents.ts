// How a system's incidents are graded and timed: its severity scheme, each severity's timers
// (in minutes: to acknowledge, to respond, between status updates, before escalating), and the
// playbook library that answers them. Served to the dashboard as SystemInfo.incidents.
import { z } from 'zod';
import type { IncidentPolicy, SlaFigure } from '../../contract/schemas.ts';

/** Minutes; `none` where the system says there is no timer; left out where it says nothing. */
const minutes = z
  .union([
    z
      .number()
      .positive()
      .max(7 * 24 * 60),
    z.literal('none'),
  ])
  .optional();

const timersSchema = z.strictObject({
  acknowledge: minutes,
  respond: minutes,
  updateEvery: minutes,
  escalateAfter: minutes,
});

export const incidentsSchema = z.strictObject({
  scheme: z.enum(['P1-P4', 'P0-P3', 'SEV1-SEV4']),
  /** One per severity of the scheme, most severe first. */
  severities: z.array(timersSchema).length(4, 'give the timers of all four severities, most severe first'),
  /** The playbooks whose `system` is this answer its incidents (e.g. hft); absent: any playbook may. */
  playbooks: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,39}$/)
    .optional(),
});
export type IncidentsInput = z.infer<typeof incidentsSchema>;

const ms = (value: number | 'none' | undefined): SlaFigure =>
  value === undefined ? null : value === 'none' ? 'none' : Math.round(value * 60_000);

export function incidentPolicy(input: IncidentsInput): IncidentPolicy {
  return {
    scheme: input.scheme,
    severities: input.severities.map((t) => ({
      acknowledgeMs: ms(t.acknowledge),
      respondMs: ms(t.respond),
      updateEveryMs: ms(t.updateEvery),
      escalateAfterMs: ms(t.escalateAfter),
    })),
    playbooks: input.playbooks ?? null,
  };
}
