import { describe, expect, it } from 'vitest';
import { playbookSchema } from '../playbook.ts';
import { stepsOf } from '../library/well-formed.ts';
import { importRunbook } from './import-runbook.ts';
import { draftTitled, fixture, imported, phaseOutline, texts } from './test-support.ts';

// One runbook per format the seeds use, written for these tests. The assertions are about
// structure — which phases, which windows, which steps carry commands, branches, controls and
// verification — so a change in how text is worded does not hide a change in what is found.

describe('importing Markdown with headings that carry time windows and bold numbered steps', () => {
  const { drafts } = imported(fixture('atx-bold-steps.md'), 'gateway.md');

  it('reads each windowed heading as a phase of the section above it', () => {
    const p1 = draftTitled(drafts, 'P1 - Gateway refusing orders').playbook;
    expect(phaseOutline(p1)).toEqual(['First response [0–5]', 'Diagnosis [5–15]', 'Fix [none]']);
    expect(p1.severity).toBe('P1');
    expect(p1.system).toBe('rtes');
  });

  it('makes a bold numbered item one step, its sub-bullets detail and its code the command', () => {
    const [take, size, call] = draftTitled(drafts, 'P1 - Gateway refusing orders').playbook.phases[0]!.steps;
    expect(take!.text).toBe('Take the page — Acknowledge within five minutes; Open the incident channel');
    expect(take!.command).toBeUndefined();
    expect(size!.text).toBe('Size the damage');
    expect(size!.command).toBe('curl -s http://127.0.0.1:9100/health | jq .status');
    expect(call!.text).toBe('Call in help if the book is moving');
  });

  it('marks "Verify …" steps as verification', () => {
    const fix = draftTitled(drafts, 'P1 - Gateway refusing orders').playbook.phases[2]!;
    expect(fix.steps.map((s) => [s.text, s.verification ?? false])).toEqual([
      ['Roll back the last deploy if it is the cause', false],
      ['Verify order entry with a test order', true],
    ]);
  });

  it('reads a section with steps but no windows as a one-phase playbook', () => {
    const backlog = draftTitled(drafts, 'Queue backlog runbook');
    expect(phaseOutline(backlog.playbook)).toEqual(['Procedure [none]']);
    expect(texts(backlog.playbook.phases[0]!.steps)).toEqual(['Measure the queue depth', 'Add a consumer']);
    expect(backlog.playbook.incidentTypes).toEqual(['messaging-backlog']);
    expect(backlog.selected).toBe(true);
  });

  it('lists reference sections but leaves them unselected', () => {
    const rota = draftTitled(drafts, 'Who is on call');
    expect(rota.selected).toBe(false);
  });
});

describe('importing Markdown whose headings start with emoji and whose steps are shell blocks', () => {
  const { drafts } = imported(fixture('emoji-headings.md'), 'bridge.md');
  const runbook = draftTitled(drafts, 'Settlement Bridge Runbook').playbook;

  it('drops the decoration and reads the windows, open-ended ones included', () => {
    expect(phaseOutline(runbook)).toEqual([
      'First moves [0–5]',
      'Triage [5–15]',
      'Repair [60–…]',
      'Validation [none]',
      'Communication [none]',
    ]);
  });

  it('splits a shell block on its comments, the heading naming the group', () => {
    expect(runbook.phases[0]!.steps.map((s) => [s.text, s.command ?? null])).toEqual([
      ['Silence the pager: Ack the page in the paging tool — note the alert id in the channel', null],
      [
        'Protect the book: If fills are being lost, stop trading at once',
        'curl -X POST http://127.0.0.1:9200/emergency/stop',
      ],
      ['Protect the book: Check what is still running', 'make status'],
    ]);
  });

  it('proposes the declared control a step asks for', () => {
    expect(runbook.phases[0]!.steps[1]!.control).toEqual({ id: 'halt' });
    expect(runbook.phases[0]!.steps[2]!.control).toBeUndefined();
  });

  it('groups steps under bold labels and keeps placeholders for the incident to fill', () => {
    expect(texts(runbook.phases[1]!.steps)).toEqual([
      'Bridge process down: Restart the bridge',
      'Ledger database slow: Look for blocked writers',
    ]);
    expect(runbook.phases[2]!.steps[1]!.command).toBe('./scripts/replay-fills.sh --since "<INCIDENT_START>"');
  });

  it('makes every step of a validation phase a verification step', () => {
    const validation = runbook.phases[3]!;
    expect(validation.steps.map((s) => s.verification)).toEqual([true, true]);
  });

  it('reads a second section of windowed sub-headings as its own playbook', () => {
    const after = draftTitled(drafts, 'Afterwards').playbook;
    expect(phaseOutline(after)).toEqual(['Same day [0–1440]', 'Review [1440–10080]']);
  });
});

describe('importing Markdown with bold labels and GFM task lists', () => {
  const { drafts } = imported(fixture('bold-labels.md'), 'engine.md');

  it('reads "**Immediate Actions (0-5 minutes):**" as a phase, and the severity from the heading above', () => {
    const outage = draftTitled(drafts, 'Matching engine outage').playbook;
    expect(phaseOutline(outage)).toEqual(['Immediate Actions [0–5]', 'Recovery [5–20]']);
    expect(outage.severity).toBe('P0');
    expect(outage.incidentTypes).toContain('system-crash');
  });

  it('binds the halt and resume steps to their controls and gates on the verify step', () => {
    const outage = draftTitled(drafts, 'Matching engine outage').playbook;
    expect(outage.phases[0]!.steps[1]).toMatchObject({ text: 'Halt all trading', control: { id: 'halt' } });
    expect(outage.phases[1]!.steps.map((s) => [s.control?.id ?? null, s.verification ?? false])).toEqual([
      [null, false],
      [null, true],
      ['resume', false],
    ]);
  });

  it('makes "- [ ]" and "- [x]" tasks steps, whatever their box says', () => {
    const after = draftTitled(drafts, 'Afterwards').playbook;
    expect(phaseOutline(after)).toEqual(['Same day [0–240]', 'Review [1440–2880]']);
    expect(texts(after.phases[0]!.steps)).toEqual([
      'Confirm every service is healthy',
      'Remove temporary workarounds',
      'Send the all-clear',
    ]);
  });
});

describe('importing Markdown whose list items carry the windows', () => {
  const { drafts } = imported(fixture('windowed-items.md'), 'pricing.md');

  it('makes each windowed item a phase and what is under it its steps', () => {
    const p0 = draftTitled(drafts, 'P0 - CRITICAL 10 minute response').playbook;
    expect(phaseOutline(p0)).toEqual([
      'Open the war room [0–3]',
      'Trip the circuit breakers [3–6]',
      'Name an incident commander [6–10]',
    ]);
    expect(p0.phases[0]!.steps.map((s) => [s.text, s.command ?? null])).toEqual([
      ['Open the war room', './scripts/page-all.sh P0 "pricing down"'],
      ['Post in the war-room channel', null],
    ]);
    expect(p0.phases[1]!.steps[0]!.control).toEqual({ id: 'halt' });
    expect(p0.phases[2]!.steps.map((s) => s.text)).toEqual(['Name an incident commander']);
  });

  it('puts "Symptoms:" in the summary and reads numbered shell comments as steps', () => {
    const stalled = draftTitled(drafts, 'Quote engine stalled').playbook;
    expect(stalled.summary).toBe('No new quotes for 20 seconds Spread alerts firing');
    expect(phaseOutline(stalled)).toEqual(['Diagnosis Steps [none]', 'Resolution Steps [none]']);
    expect(stalled.phases[0]!.steps.map((s) => [s.text, s.command])).toEqual([
      ['Is the service up?', 'systemctl status quote-engine'],
      ['What does its log say?', 'journalctl -u quote-engine --since "10 min ago"'],
    ]);
  });
});

describe('importing plain text with ==== rules, □ boxes and indented commands', () => {
  const { drafts } = imported(fixture('plain-text-rules.txt'), 'desk.txt');

  it('finds each ruled section, the one numbered "1." included', () => {
    expect(drafts.map((d) => d.playbook.title)).toEqual([
      'Venue disconnect playbook',
      'Engine crash playbook',
    ]);
  });

  it('reads SHOUTED labels with windows as phases and □ lines as steps', () => {
    const venue = draftTitled(drafts, 'Venue disconnect playbook').playbook;
    expect(phaseOutline(venue)).toEqual([
      'Immediate actions [0–5]',
      'Assessment [5–15]',
      'Mitigation [15–60]',
      'Communication [none]',
    ]);
    expect(texts(venue.phases[1]!.steps)).toEqual([
      'One venue or several?',
      "Read the venue's status page",
      'Estimate how long it will last',
    ]);
    expect(venue.incidentTypes).toEqual(['exchange-outage']);
  });

  it('makes the cancel step fire cancel-all on the incident venue', () => {
    const cancel = draftTitled(drafts, 'Venue disconnect playbook').playbook.phases[0]!.steps[1]!;
    expect(cancel.control).toEqual({ id: 'venue-cancel-all', venue: true });
    expect(cancel.command).toContain('<EXCHANGE_NAME>/cancel_all_orders');
  });

  it('reads "If …:" labels as branches holding the indented commands under them', () => {
    const [decide] = draftTitled(drafts, 'Venue disconnect playbook').playbook.phases[2]!.steps;
    expect(decide!.branches?.map((b) => [b.when, b.steps.map((s) => s.command)])).toEqual([
      ['the venue is down', ['./bin/venue-disable <EXCHANGE_NAME>\n./bin/venue-watch <EXCHANGE_NAME>']],
      [
        'the fault is on our side',
        ['traceroute gw.<EXCHANGE_NAME>.example\n./bin/venue-reconnect <EXCHANGE_NAME>'],
      ],
    ]);
  });

  it('puts the scenario and detection in the summary, not in the steps', () => {
    const venue = draftTitled(drafts, 'Venue disconnect playbook').playbook;
    expect(venue.summary).toContain('a venue session drops');
    expect(venue.summary).toContain('No market data for 30 seconds');
    expect(
      stepsOf(venue)
        .map((s) => s.text)
        .join(' '),
    ).not.toContain('Venue tile turns red');
  });

  it('makes a kill-switch step fire the kill switch and validation steps gate resuming', () => {
    const crash = draftTitled(drafts, 'Engine crash playbook').playbook;
    expect(crash.phases[0]!.steps[0]!.control).toEqual({ id: 'kill-switch' });
    expect(crash.phases[1]!.steps.every((s) => s.verification)).toBe(true);
  });
});

describe('every import', () => {
  it('yields playbooks the schema accepts, with ids unique within each and prefixed import-', () => {
    for (const name of [
      'atx-bold-steps.md',
      'emoji-headings.md',
      'bold-labels.md',
      'windowed-items.md',
      'plain-text-rules.txt',
    ]) {
      const { drafts } = imported(fixture(name), name);
      const ids = drafts.map((d) => d.playbook.id);
      expect(new Set(ids).size, name).toBe(ids.length);
      for (const { playbook } of drafts) {
        expect(playbookSchema.safeParse(playbook).success, `${name}: ${playbook.id}`).toBe(true);
        expect(playbook.id).toMatch(/^import-/);
        const stepIds = stepsOf(playbook).map((s) => s.id);
        expect(new Set(stepIds).size, `${name}: ${playbook.id}`).toBe(stepIds.length);
      }
    }
  });

  it('refuses a document with nothing to follow, saying what a runbook needs', () => {
    const result = importRunbook('Just a sentence about the weather.', 'notes.md');
    expect(result).toEqual({ ok: false, error: expect.stringContaining('No steps found in notes.md') });
  });
});

describe('what a runbook says between and inside its steps', () => {
  const phase = (body: string) =>
    imported(`# Gateway runbook\n\n## Recovery (5-15 minutes)\n\n${body}\n`).drafts[0]!.playbook;

  it('keeps a caution written between steps with the step before it, and prose before the first step as a step', () => {
    const playbook = phase(
      [
        'Both gateways share one session pool.',
        '',
        '1. Restart gateway A',
        '',
        '**Warning:** never restart both gateways at once.',
        '',
        '2. Restart gateway B',
      ].join('\n'),
    );
    expect(texts(playbook.phases[0]!.steps)).toEqual([
      'Both gateways share one session pool.',
      'Restart gateway A — Warning: never restart both gateways at once.',
      'Restart gateway B',
    ]);
  });

  it('reads a duration inside a single step as part of the step, not as a phase', () => {
    const playbook = phase(
      [
        '1. Reconnect the session',
        '2. Wait for the reconnect (2-3 minutes) and check the feed',
        '3. Tell the desk',
      ].join('\n'),
    );
    expect(phaseOutline(playbook)).toEqual(['Recovery [5–15]']);
    expect(playbook.phases[0]!.steps).toHaveLength(3);
  });

  it('keeps ticked boxes of a plain-text runbook as steps', () => {
    const playbook = phase(['☑ Positions reconciled', '[x] P&L checked', '□ Desk told'].join('\n'));
    expect(texts(playbook.phases[0]!.steps)).toEqual(['Positions reconciled', 'P&L checked', 'Desk told']);
  });

  it('keeps a here-document and a console session whole, as written', () => {
    const playbook = phase(
      [
        '```bash',
        '# 1. Write the override file',
        "cat > /etc/gw/override.conf <<'EOF'",
        '# listen on the backup port',
        'port = 9001',
        'EOF',
        '```',
        '',
        '```console',
        '# systemctl restart gateway',
        '```',
      ].join('\n'),
    );
    const [heredoc, session] = playbook.phases[0]!.steps;
    expect(heredoc).toMatchObject({
      text: 'Write the override file',
      command:
        "# 1. Write the override file\ncat > /etc/gw/override.conf <<'EOF'\n# listen on the backup port\nport = 9001\nEOF",
    });
    expect(session!.command).toBe('# systemctl restart gateway');
  });

  it('keeps a comment inside a command continued with a backslash in that command', () => {
    const playbook = phase(
      [
        '```bash',
        '# 1. Drain',
        'curl -X POST \\',
        '  # the admin port',
        '  http://127.0.0.1:9000/drain',
        '```',
      ].join('\n'),
    );
    expect(playbook.phases[0]!.steps.map((s) => s.command)).toEqual([
      'curl -X POST \\\n  # the admin port\n  http://127.0.0.1:9000/drain',
    ]);
  });

  it('proposes no control for a warning against it or a wait for it, and ignores "Run the following:"', () => {
    const playbook = phase(
      [
        '- Do not halt trading before the desk agrees',
        '- Wait for the reconnect',
        '',
        'Run the following:',
        '',
        '- Call the venue',
      ].join('\n'),
    );
    expect(playbook.phases[0]!.steps.map((s) => [s.text, s.control ?? null])).toEqual([
      ['Do not halt trading before the desk agrees', null],
      ['Wait for the reconnect', null],
      ['Call the venue', null],
    ]);
  });

  it('takes the owner a step names ("IC: …", "DBA – …") and leaves other prefixes alone', () => {
    const playbook = phase(
      [
        '- IC: Halt all trading',
        '- DBA – kill the long-running queries',
        '- Binance: check the status page',
      ].join('\n'),
    );
    expect(playbook.phases[0]!.steps.map((s) => [s.owner ?? null, s.text, s.control?.id ?? null])).toEqual([
      ['incident-commander', 'Halt all trading', 'halt'],
      ['database-admin', 'kill the long-running queries', null],
      [null, 'Binance: check the status page', null],
    ]);
  });

  it('keeps underscores inside words of a title', () => {
    const { drafts } = imported('# check_order_gateway\n\n## Steps (0-5 minutes)\n\n- One\n- Two\n');
    expect(drafts[0]!.playbook.title).toBe('check_order_gateway');
  });
});
