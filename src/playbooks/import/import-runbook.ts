import { findPlaybooks } from './assemble.ts';
import { documentBlocks } from './blocks.ts';
import { finishPlaybooks } from './finish.ts';
import { readFrontMatter } from './front-matter.ts';
import { parseMarkdown } from './markdown.ts';
import { sectionTree } from './sections.ts';
import { sizeProblem } from './limits.ts';
import type { ImportResult } from './limits.ts';
import { cleanSource, cleanTitle } from './text.ts';
import { parseWindow } from './windows.ts';

// Markdown or plain-text runbook → playbook drafts to preview, edit and save. The text is only
// ever read: nothing in it is rendered as HTML, no link is kept unless it is http(s) or mailto,
// and the result is data that the playbook schema has accepted.

function readRunbook(source: string, name: string) {
  const front = readFrontMatter(source);
  const text = front.body;
  const tree = parseMarkdown(text);
  const { blocks: all, warnings: seen } = documentBlocks(tree);
  // A plain-text runbook whose first line is a title in capitals ("DISASTER RECOVERY: SWITCH
  // …") is called that; one without a title is called what its front matter or file calls it.
  const first = all[0];
  const titleLine =
    !front.title &&
    first?.kind === 'label' &&
    first.line <= 2 &&
    !/:\s*$/.test(first.text) &&
    !parseWindow(first.text).window
      ? cleanTitle(first.text)
      : null;
  const blocks = titleLine ? all.slice(1) : all;
  const rootTitle = front.title ?? titleLine ?? name.replace(/\.(md|markdown|txt|text)$/i, '');
  const { found, shared, intro } = findPlaybooks(sectionTree(blocks, rootTitle));
  shared.metadata = { ...front.metadata, ...shared.metadata };
  const finished = finishPlaybooks(found, { name, head: source.slice(0, 4000), shared, intro });
  return { ...finished, seen, frontMatterProblem: front.problem };
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Parse a runbook. `name` is the file's name (or "pasted text"), used in summaries. */
export function importRunbook(source: string, name: string): ImportResult {
  const tooBig = sizeProblem(new TextEncoder().encode(source).length, name);
  if (tooBig) return { ok: false, error: tooBig };
  const { text, removed } = cleanSource(source);
  if (!text.trim()) return { ok: false, error: `${name} is empty: there is nothing to import.` };

  let read: ReturnType<typeof readRunbook>;
  try {
    read = readRunbook(text, name);
  } catch (error) {
    // Thousands of nested quotes or lists exhaust the parser's stack: refuse, do not crash.
    const why = error instanceof RangeError ? 'it is nested too deeply to read' : String(error);
    return { ok: false, error: `${name} could not be read: ${why}.` };
  }
  const { drafts, notes, seen, frontMatterProblem } = read;

  const warnings: string[] = [];
  const invisible = removed + seen.invisible;
  if (invisible)
    warnings.push(
      `${plural(invisible, 'invisible or control character')} (such as right-to-left overrides) removed: they can disguise what a command does.`,
    );
  if (seen.html)
    warnings.push(
      `${plural(seen.html, 'piece')} of raw HTML ignored: imported text is never rendered as HTML.`,
    );
  if (seen.unsafeLinks)
    warnings.push(
      `${plural(seen.unsafeLinks, 'link')} to something other than a web page or e-mail address dropped (the link text is kept).`,
    );
  if (frontMatterProblem)
    warnings.push(
      `The front matter could not be read (${frontMatterProblem.slice(0, 160)}), so it was ignored.`,
    );
  for (const label of new Set(notes.lostJumps))
    warnings.push(`"Go to ${label}" points to nothing in its playbook: the step is kept without the jump.`);
  for (const line of seen.unclosedFences)
    warnings.push(
      `The code block opened on line ${line} is never closed: the rest of its section was read as one command. Check that step.`,
    );
  if (notes.shortened)
    warnings.push(`${plural(notes.shortened, 'step')} longer than 500 characters shortened.`);
  if (notes.droppedCommands)
    warnings.push(
      `${plural(notes.droppedCommands, 'command')} longer than 2,000 characters not imported (the step says so).`,
    );
  if (notes.droppedSteps)
    warnings.push(`${plural(notes.droppedSteps, 'step')} beyond 400 in one playbook not imported.`);
  if (notes.droppedPlaybooks)
    warnings.push(`${plural(notes.droppedPlaybooks, 'section')} could not be made into a playbook.`);
  if (drafts.length === 0) {
    return {
      ok: false,
      error: `No steps found in ${name}. A runbook needs headings or labels for its phases ("Immediate actions (0-5 minutes):") and steps under them: list items, ☐ boxes, "- [ ]" tasks or commands in code blocks.`,
    };
  }
  return { ok: true, drafts, warnings };
}
