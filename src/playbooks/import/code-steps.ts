import type { RawStep } from './raw.ts';

// A shell block in a runbook is usually several steps: a numbered comment says what to do, the
// lines under it are the command ("# 2. Check the venue from our side" / "ping …"). The block is
// split on its comments; comment-only steps are things to do by hand.

// Not `console`/`shell-session`: there `# ` is a root prompt, and the line after it a command.
const SHELLS = new Set(['bash', 'sh', 'shell', 'zsh', 'powershell', 'ps1', 'cmd']);

function commentPrefix(lang: string | null): string | null {
  if (lang === null || SHELLS.has(lang) || lang === 'python' || lang === 'py' || lang === 'ruby') return '#';
  if (lang === 'sql' || lang === 'psql' || lang === 'postgresql') return '--';
  return null;
}

/** "1. Verify the exchange", "- Log in", "Step 2: Restart" → the words to show. */
function commentText(comment: string): string {
  return comment
    .trim()
    .replace(/^(step\s+)?\d+[.):]\s*/i, '')
    .replace(/^[-*•]\s+/, '')
    .trim();
}

/**
 * The steps a code block holds. `fallback` names a block without comments (usually the list
 * item or heading that holds it); a block in a language that is not a script (YAML, JSON…) is
 * one command to copy.
 */
export function codeSteps(value: string, lang: string | null, fallback: string): RawStep[] {
  const prefix = commentPrefix(lang);
  const body = value.replace(/\s+$/, '');
  if (!body.trim()) return [];
  if (prefix === null) return [{ text: fallback, commands: [body] }];
  // A here-document's body may hold lines that look like comments: it stays one command, as written.
  if (/<<-?\s*['"]?[A-Za-z_]\w*/.test(body)) {
    const lead = /^\s*#(?!!)\s*(.+)/.exec(body);
    return [{ text: lead?.[1] ? commentText(lead[1]) : fallback, commands: [body] }];
  }

  const steps: { comments: string[]; lines: string[]; remarks: string[] }[] = [];
  let current: { comments: string[]; lines: string[]; remarks: string[] } | null = null;
  // A blank line ends a run of comments: the next comment says what the next step is.
  let gap = false;
  for (const line of body.split('\n')) {
    const trimmed = line.trim();
    // A comment inside a command continued with `\` belongs to that command.
    const continued = current?.lines.at(-1)?.trimEnd().endsWith('\\') ?? false;
    const isComment = trimmed.startsWith(prefix) && !trimmed.startsWith('#!') && !continued;
    if (isComment) {
      const text = commentText(trimmed.slice(prefix.length));
      // A comment after commands starts the next step; a comment after comments continues one.
      const numbered = /^#?\s*(step\s+)?\d+[.):]/i.test(trimmed.slice(prefix.length).trim());
      // A plain remark right under a command explains that command; a numbered one, or one
      // after a blank line, starts the next step.
      if (current && current.lines.length > 0 && !gap && !numbered) {
        if (text) current.remarks.push(text);
        continue;
      }
      if (!current || current.lines.length > 0 || gap)
        steps.push((current = { comments: [], lines: [], remarks: [] }));
      if (text) current.comments.push(text);
      gap = false;
    } else if (trimmed) {
      if (!current) steps.push((current = { comments: [], lines: [], remarks: [] }));
      current.lines.push(line);
      gap = false;
    } else {
      if (current && current.lines.length > 0) current.lines.push('');
      gap = true;
    }
  }
  return steps
    .map(({ comments, lines, remarks }): RawStep | null => {
      const command = lines.join('\n').trim();
      const [first, ...more] = [...comments, ...remarks];
      const text = first ? (more.length ? `${first} — ${more.join('; ')}` : first) : fallback;
      if (!command && !first) return null;
      return command ? { text, commands: [command] } : { text };
    })
    .filter((s): s is RawStep => s !== null);
}
