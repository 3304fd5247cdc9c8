import { describe, expect, it } from 'vitest';
import { armSteps, conditionOf, findJump, proseArms } from './branches.ts';
import { isCommandLine } from './commands.ts';
import { readFrontMatter } from './front-matter.ts';
import { parseWindow } from './windows.ts';

// The small readers the importer is built from, each on the forms runbooks write.

describe('windows', () => {
  it.each([
    ['Immediate (0-5 minutes)', { from: 0, to: 5 }],
    ['Assess (5–15 min)', { from: 5, to: 15 }],
    ['Stabilise (1h–4h)', { from: 60, to: 240 }],
    ['Recovery (30 minutes - 4 hours)', { from: 30, to: 240 }],
    ['Repair (60+ minutes)', { from: 60, to: null }],
    ['Exchange-side outage (15 minutes onwards)', { from: 15, to: null }],
    ['Contain (T+2min to T+10min)', { from: 2, to: 10 }],
    ['DETECT (T+0 to T+5min)', { from: 0, to: 5 }],
    ['Review (T+30min onwards)', { from: 30, to: null }],
    ['Tell stakeholders (within 1 hour)', { from: 0, to: 60 }],
  ])('%s', (title, window) => {
    expect(parseWindow(title).window).toEqual(window);
  });

  it('invents none where the title gives none', () => {
    expect(parseWindow('Decide').window).toBeNull();
    expect(parseWindow('Check the last 100 log lines').window).toBeNull();
  });
});

describe('inline code as a command', () => {
  it.each([
    'fixhub session show BRKX-OE',
    'recon run --date today',
    './bin/venue-status <VENUE>',
    'make status',
  ])('%s is one', (code) => expect(isCommandLine(code)).toBe(true));
  it.each(['#fix-oncall', 'XLON', 'fixhub', 'trade-events', '@fix-connectivity', 'pause the consumers'])(
    '%s only names a thing',
    (code) => expect(isCommandLine(code)).toBe(false),
  );
});

describe('branches and jumps in prose', () => {
  it('reads each "if …, do …" clause of a sentence as an arm', () => {
    expect(
      proseArms(
        'Check the log. If the error is a lock timeout, go to step 5; if it is bad data, quarantine it.',
      ),
    ).toEqual([
      {
        when: 'the error is a lock timeout',
        steps: [{ text: 'Go to step 5', jump: { kind: 'step', ref: '5', label: 'step 5' } }],
      },
      { when: 'it is bad data', steps: [{ text: 'Quarantine it' }] },
    ]);
    expect(proseArms('Only if the market is too thin, hedge with the future.')).toEqual([
      { when: 'the market is too thin', steps: [{ text: 'Hedge with the future' }] },
    ]);
  });

  it('finds the jumps runbooks write', () => {
    expect(findJump('Jump to Phase 4.')).toEqual({ kind: 'phase', ref: '4', label: 'Phase 4' });
    expect(findJump('skip to 3.1')).toEqual({ kind: 'step', ref: '3.1', label: '3.1' });
    expect(findJump('then continue to "Recover"')).toEqual({
      kind: 'phase',
      ref: 'Recover',
      label: 'Recover',
    });
    expect(findJump('Go to the bridge and tell the desk')).toBeNull();
  });

  it('keeps what an arm does before its jump as a step of its own', () => {
    expect(armSteps('restart the gateway, then go to step 8').map((s) => s.text)).toEqual([
      'Restart the gateway',
      'Go to step 8',
    ]);
  });

  it('reads the cases of a decision', () => {
    expect(conditionOf('If the primary answers')).toBe('the primary answers');
    expect(conditionOf('Else if the lag is larger')).toBe('the lag is larger');
    expect(conditionOf('Else')).toBe('otherwise');
    expect(conditionOf('Promote the standby')).toBeNull();
  });
});

describe('front matter', () => {
  it('is metadata, with the line numbers of the rest kept', () => {
    const read = readFrontMatter(
      '---\ntitle: Gateway\nowner: SRE\ntags: [a, b]\nlast_reviewed: 2026-08-14\n---\n# Body\n',
    );
    expect(read).toMatchObject({
      title: 'Gateway',
      metadata: { owner: 'SRE', tags: 'a, b', last_reviewed: '2026-08-14' },
    });
    expect(read.body.split('\n').indexOf('# Body')).toBe(6);
  });

  it('with a custom tag or an alias bomb is not read at all, and says why', () => {
    expect(readFrontMatter('---\nowner: !!js/function "x"\n---\n').problem).toMatch(/tag/i);
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`),
    ];
    const read = readFrontMatter(`---\n${bomb.join('\n')}\n---\n`);
    expect(read.metadata).toEqual({});
    expect(read.problem).toBeTruthy();
  });
});
