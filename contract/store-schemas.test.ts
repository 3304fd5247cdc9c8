import { describe, expect, test } from 'vitest';
import { LIMITS as IMPORT_LIMITS } from '../src/playbooks/import/finish.ts';
import {
  auditRecordFixture,
  changePageFixture,
  changeFixtures,
  checklistFixture,
  incidentFixture,
} from './fixtures.ts';
import { savedPlaybookFixture } from './store-schemas-fixtures.ts';
import {
  changePageSchema,
  changeSchema,
  checklistSchema,
  controlAuditRecordSchema,
  incidentDeclarationSchema,
  incidentPatchSchema,
  incidentSchema,
  PLAYBOOK_LIMITS,
  playbookSchema,
  SEVERITIES_BY_SCHEME,
  severitySchema,
} from './store-schemas.ts';
import { parseOrExplain } from './validate.ts';

const declaration = {
  title: 'Risk engine rejecting every order',
  severityScheme: 'SEV1-SEV4',
  severity: 'SEV1',
  type: 'risk-alert',
  affectedServices: ['risk'],
  affectedVenues: [],
  actor: 'j.doe',
};

describe('war-room store schemas', () => {
  test('the fixtures parse to equal values', () => {
    expect(parseOrExplain(incidentSchema, incidentFixture, 'incident')).toEqual({
      ok: true,
      value: incidentFixture,
    });
    expect(parseOrExplain(checklistSchema, checklistFixture, 'checklist').ok).toBe(true);
    for (const change of Object.values(changeFixtures))
      expect(parseOrExplain(changeSchema, change, 'change')).toEqual({ ok: true, value: change });
    expect(parseOrExplain(changePageSchema, changePageFixture, 'changes').ok).toBe(true);
  });

  test('every severity belongs to at least one scheme, and each scheme has four', () => {
    const all = Object.values(SEVERITIES_BY_SCHEME).flat();
    expect(new Set(all)).toEqual(new Set(severitySchema.options));
    for (const severities of Object.values(SEVERITIES_BY_SCHEME)) expect(severities).toHaveLength(4);
  });

  test.for([
    ['P0-P3', 'P0', true],
    ['P0-P3', 'P4', false],
    ['P1-P4', 'P4', true],
    ['P1-P4', 'P0', false],
    ['SEV1-SEV4', 'SEV4', true],
    ['SEV1-SEV4', 'P1', false],
  ] as const)('a %s declaration with severity %s is valid: %s', ([severityScheme, severity, valid]) => {
    const result = parseOrExplain(
      incidentDeclarationSchema,
      { ...declaration, severityScheme, severity },
      'declaration',
    );
    expect(result.ok).toBe(valid);
    if (!result.ok)
      expect(result.error).toMatch(
        new RegExp(`^declaration: severity: ${severity} is not a severity of the ${severityScheme} scheme`),
      );
  });

  test('an incident and a control record name their system; one that does not say reads as null', () => {
    const { systemId: _incident, ...unnamed } = incidentFixture;
    expect(incidentSchema.parse(unnamed)).toEqual({ ...incidentFixture, systemId: null });
    const { systemId: _record, ...unnamedRecord } = auditRecordFixture;
    expect(controlAuditRecordSchema.parse(unnamedRecord)).toMatchObject({ systemId: null });
    // An older dashboard's declaration says nothing of it, and is taken as it was.
    expect(parseOrExplain(incidentDeclarationSchema, declaration, 'declaration').ok).toBe(true);
    const sixth = { ...declaration, systemId: 'desk-7' };
    expect(parseOrExplain(incidentDeclarationSchema, sixth, 'declaration')).toEqual({
      ok: true,
      value: sixth,
    });
    expect(
      parseOrExplain(incidentDeclarationSchema, { ...declaration, systemId: 'a'.repeat(41) }, 'declaration'),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('systemId: expected at most 40 characters'),
    });
    for (const systemId of ['HFT', '7desk', 'desk 7', ''])
      expect(parseOrExplain(incidentDeclarationSchema, { ...declaration, systemId }, 'declaration')).toEqual({
        ok: false,
        error: expect.stringMatching(/^declaration: systemId: a system id is a lower-case letter/),
      });
  });

  test('a playbook may belong to any system by its id, or be generic', () => {
    const { playbook } = savedPlaybookFixture;
    for (const system of ['desk-7', 'generic', 'hft'])
      expect(parseOrExplain(playbookSchema, { ...playbook, system }, 'playbook').ok).toBe(true);
    expect(parseOrExplain(playbookSchema, { ...playbook, system: 'Desk 7' }, 'playbook')).toEqual({
      ok: false,
      error: expect.stringMatching(/^playbook: system: a system id is a lower-case letter/),
    });
  });

  test('an edit must change something; null clears a post-mortem field', () => {
    expect(parseOrExplain(incidentPatchSchema, { actor: 'x' }, 'edit')).toEqual({
      ok: false,
      error:
        'edit: nothing to change: give at least one of title, severity, type, affectedServices, affectedVenues, impact, rootCause',
    });
    expect(parseOrExplain(incidentPatchSchema, { actor: 'x', impact: null }, 'edit').ok).toBe(true);
  });

  test('a change of an unknown type is reported against the discriminator', () => {
    const result = parseOrExplain(
      changeSchema,
      { ...changeFixtures['incident.created'], type: 'incident.deleted' },
      'change',
    );
    expect(result).toEqual({
      ok: false,
      error:
        'change: type: expected one of incident.created, incident.updated, timeline.appended, checklist.changed, audit.appended, playbook.saved, got "incident.deleted"',
    });
  });
});

describe('the limits of a playbook', () => {
  /** A playbook whose first step has branches nested `depth` levels deep, built without recursion. */
  function nestedPlaybook(depth: number) {
    let step: object = { id: 'innermost', text: 'The last check' };
    for (let level = depth; level > 0; level--)
      step = {
        id: `level-${level}`,
        text: 'Which case is it?',
        branches: [{ when: 'if so', steps: [step] }],
      };
    const playbook = structuredClone(savedPlaybookFixture.playbook);
    return { ...playbook, phases: [{ ...playbook.phases[0]!, steps: [step] }] };
  }

  test('branches nest at most 5 levels; any deeper body is refused without walking it', () => {
    expect(parseOrExplain(playbookSchema, nestedPlaybook(PLAYBOOK_LIMITS.branchDepth), 'playbook').ok).toBe(
      true,
    );
    // Far deeper than a recursive walk survives: refused all the same, with one message.
    for (const depth of [PLAYBOOK_LIMITS.branchDepth + 1, 1000, 50_000])
      expect(parseOrExplain(playbookSchema, nestedPlaybook(depth), 'playbook')).toEqual({
        ok: false,
        error:
          'playbook: phases[0].steps[0]: branches nest more than 5 levels deep below this step; at most 5 are allowed',
      });
  });

  test('everything the importer may produce can be saved: its step budget is the schema’s', () => {
    expect(IMPORT_LIMITS.stepsPerPlaybook).toBe(PLAYBOOK_LIMITS.steps);
  });
});
