import { describe, expect, test } from 'vitest';
import { incidentFixture } from '../../contract/store-schemas-fixtures.ts';
import type { Incident } from '../../contract/store-schemas.ts';
import { pickActiveIncident } from './active-incident.ts';

const incident = (id: string, status: Incident['status'] = 'INVESTIGATING'): Incident => ({
  ...incidentFixture,
  id,
  title: `incident ${id}`,
  status,
});

describe('the active incident (what controls fired now are done for)', () => {
  test('the open incident on screen, else the only open one, else none', () => {
    const two = [incident('INC-2'), incident('INC-1')];
    expect(pickActiveIncident(two, 'INC-1')).toEqual({ id: 'INC-1', title: 'incident INC-1' });
    expect(pickActiveIncident(two, null)).toBeNull();
    expect(pickActiveIncident([incident('INC-1')], null)?.id).toBe('INC-1');
    expect(pickActiveIncident([incident('INC-2', 'RESOLVED'), incident('INC-1')], 'INC-2')?.id).toBe('INC-1');
  });

  test('none while the incident on screen exists only in this browser, even with one other open', () => {
    const local = 'local-3f2a9c1e';
    expect(pickActiveIncident([incident(local), incident('INC-1')], local)).toBeNull();
  });
});
