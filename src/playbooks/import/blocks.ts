import type {
  Blockquote,
  Code,
  List,
  ListItem,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
} from 'mdast';
import type { MarkdownCode, NumberedItem, SourceParagraph } from './markdown.ts';
import { isRuleLine, stripInvisible } from './text.ts';
import { parseWindow, trailingWindow } from './windows.ts';
import type { Window } from './windows.ts';

// The Markdown tree reduced to what a runbook is made of: headings, labels ("Immediate actions
// (0-5 minutes):"), list items, boxes, code, prose, and what describes the runbook itself —
// "Owner: …" lines, "Window: 0–5 minutes" lines, `> [!WARNING]` alerts, tables, lettered
// options. Plain-text runbooks come through the same parser: their `====` rules make setext
// headings, their indented commands code, their `□` lines paragraph lines; the source lines
// of a paragraph tell a wrapped line from a command indented under it.

export interface Cell {
  text: string;
  codes: string[];
}

export type Block =
  | { kind: 'heading'; depth: number; text: string; line: number }
  | { kind: 'label'; text: string; line: number }
  | { kind: 'note'; text: string; line: number; codes: string[] }
  | { kind: 'meta'; key: string; value: string; line: number }
  | { kind: 'window'; window: Window; line: number }
  | { kind: 'alert'; text: string; line: number }
  | { kind: 'option'; when: string; text: string; line: number; raw: string; codes: string[] }
  | { kind: 'table'; header: string[]; rows: Cell[][]; line: number }
  | {
      kind: 'item';
      text: string;
      line: number;
      ordered: boolean;
      task: boolean;
      /** The number it was written with ("7" of "7.", "□ 7)"): what "go to step 7" means. */
      number?: string;
      /** Bold words it starts with ("**If the count is 0** → …"). */
      lead?: string;
      /** Its list gives several items a window of their own: each is a phase ("(0-2 minutes)"). */
      phaseList: boolean;
      children: Block[];
      /** Inline code in its own text. */
      codes: string[];
    }
  | { kind: 'code'; lang: string | null; value: string; line: number; closed: boolean };

export interface BlockWarnings {
  html: number;
  /** Invisible characters written as entities (`&#x202E;`): decoded only by the parser. */
  invisible: number;
  unsafeLinks: number;
  unclosedFences: number[];
}

const SAFE_URL = /^(https?:|mailto:)/i;
/** `□ item`, `☐ item`, `[ ] item`, ticked or not: a box to tick in a plain-text runbook. */
const BOX = /^\s*(□|☐|▢|❑|☑|☒|✅|\[[\sxX]?\])\s+(\S.*)$/u;
/** "3.", "3)", "1.2": the number a plain-text step or heading is written with. */
const NUMBER = /^(\d+(?:\.\d+)*)[.)]?\s+(?=\S)/;
const OPTION = /^\(?([a-h])[.)]\s+(\S.*)$/;
/** "Step 4. Roll back …", "1.2 Stop the gateways": a step written as a line of prose. */
const STEP_LINE = /^(?:step\s+(\d+[a-z]?)\s*[.:)]\s*|(\d+(?:\.\d+)+)\s+)(?=\S)/i;
const MAX_LABEL = 100;

/** Keys of "Key: value" lines that describe the runbook rather than ask for something. */
export const META_KEYS =
  /^(owner|owners|service|services|system|team|severity|priority|sev|last[ _-]?reviewed|reviewed|review[ _-]?date|last[ _-]?updated|updated|version|author|authors|maintainer|runbook[ _-]?owner|service[ _-]?owner|applies[ _-]?to|on[ _-]?call|escalation|classification|tier|status)$/i;
const WINDOW_KEYS = /^(window|time ?window|timebox|time|when|target|duration|timing)$/i;

const emptyWarnings = (): BlockWarnings => ({ html: 0, invisible: 0, unsafeLinks: 0, unclosedFences: [] });

interface Context {
  warnings: BlockWarnings;
}

/** Text the parser produced, with invisible characters it decoded from entities removed. */
function visible(text: string, ctx: Context): string {
  const { text: cleaned, removed } = stripInvisible(text);
  ctx.warnings.invisible += removed;
  return cleaned;
}

const isComment = (html: string) => html.trimStart().startsWith('<!--');

/** Inline content as plain text. Raw HTML is dropped; only http(s)/mailto link targets are kept. */
function inline(nodes: readonly PhrasingContent[], ctx: Context, codes?: string[]): string {
  return visible(inlineRaw(nodes, ctx, codes), ctx);
}

function inlineRaw(nodes: readonly PhrasingContent[], ctx: Context, codes?: string[]): string {
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'text':
          return node.value;
        case 'inlineCode':
          codes?.push(visible(node.value, ctx));
          return node.value;
        case 'break':
          return '\n';
        case 'html':
          if (!isComment(node.value)) ctx.warnings.html++;
          return '';
        case 'image':
          return node.alt ?? '';
        case 'link': {
          const label = inlineRaw(node.children, ctx, codes);
          if (!SAFE_URL.test(node.url.trim())) {
            ctx.warnings.unsafeLinks++;
            // An autolink's text is its target: keep neither.
            return label.trim() === node.url.trim() ? '' : label;
          }
          return label && label !== node.url ? `${label} (${node.url})` : node.url;
        }
        case 'linkReference':
        case 'emphasis':
        case 'strong':
        case 'delete':
          return inlineRaw(node.children, ctx, codes);
        default:
          return '';
      }
    })
    .join('');
}

/** A bold-only paragraph ("**Symptoms:**", "**Immediate Actions (0-5 minutes):**") is a label. */
function boldLabel(p: Paragraph, ctx: Context): string | null {
  const meaningful = p.children.filter((c) => !(c.type === 'text' && /^[\s:]*$/.test(c.value)));
  if (meaningful.length !== 1 || meaningful[0]?.type !== 'strong') return null;
  const text = inline(p.children, ctx).trim();
  return text.length <= MAX_LABEL && !text.includes('\n') ? text : null;
}

/** The bold words an item or line starts with, if it does. */
function leadingBold(nodes: readonly PhrasingContent[]): string | undefined {
  const first = nodes.find((n) => !(n.type === 'text' && !n.value.trim()));
  return first?.type === 'strong' ? inline(first.children, sink()).trim() : undefined;
}

/** A context that counts nothing: for text read a second time. */
const sink = (): Context => ({ warnings: emptyWarnings() });

/** Words in capitals alone on a line ("IMMEDIATE ACTIONS (0-10 minutes)", "WHEN TO USE"). */
function isShoutedLine(t: string): boolean {
  // Length first: the bracket pattern below re-scans a long line with many unclosed brackets.
  if (t.length > 70) return false;
  const words = t.replace(/\([^)]*\)/g, '').trim();
  const letters = words.replace(/[^A-Za-z]/g, '');
  return (
    letters.length >= 4 &&
    letters === letters.toUpperCase() &&
    /[A-Z]{3}/.test(words) &&
    t.length <= 70 &&
    !/[.!?]$/.test(t)
  );
}

/** A short line that introduces what follows: ends with a colon, names a phase, or shouts. */
function isLabelLine(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > MAX_LABEL) return false;
  if (t.endsWith(':')) return true;
  return /^(phase\s+\d+\s*:)/i.test(t) || isShoutedLine(t);
}

/** "Window: 0–5 minutes", "_0–10 min_", "T+2min to T+10min": a line that only gives a window. */
export function windowLine(text: string): Window | null {
  const t = text.trim();
  const keyed = /^([A-Za-z ]{2,14}):\s*(.+)$/.exec(t);
  const body = keyed && WINDOW_KEYS.test(keyed[1] ?? '') ? (keyed[2] ?? '') : t;
  if (body.length > 60) return null;
  const { window, rest } = parseWindow(body);
  return window && !/[A-Za-z]{3,}/.test(rest.replace(/\b(from|to|until|onwards|after)\b/gi, ''))
    ? window
    : null;
}

/** "Owner: Payments SRE", "Service: order-gateway" (several on a line, split by `·` or `|`). */
function metaLine(text: string): { key: string; value: string }[] | null {
  const parts = text.split(/\s+[·|•]\s+/);
  const found: { key: string; value: string }[] = [];
  for (const part of parts) {
    const m = /^([A-Za-z][A-Za-z _/-]{1,28}?)\s*:\s+(\S.*)$/.exec(part.trim());
    const key = m?.[1]?.trim();
    if (key && m?.[2] && META_KEYS.test(key)) found.push({ key, value: m[2].trim() });
    else if (found.length === 0) return null;
  }
  return found.length ? found : null;
}

/** The column where the words of a paragraph's first line start, after any marker, box or number. */
function textColumn(raw: string): number {
  const m =
    /^(\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?(?:(?:□|☐|▢|❑|☑|☒|✅|\[[\sxX]?\])\s+)?(?:\d+[.)]\s+|\d+(?:\.\d+)+\s+|step\s+\d+\s*[.:)-]\s*)?)/iu.exec(
      raw,
    );
  return m?.[1]?.length ?? 0;
}

const indentOf = (raw: string) => /^\s*/.exec(raw)?.[0].length ?? 0;

function dedent(lines: readonly string[]): string {
  const indent = Math.min(...lines.filter((l) => l.trim()).map(indentOf));
  return lines
    .map((l) => l.slice(Math.min(indent, indentOf(l))))
    .join('\n')
    .replace(/\s+$/, '');
}

type Segment = { type: 'text'; text: string; line: number } | { type: 'code'; value: string; line: number };

/**
 * A paragraph's lines, with the runs of lines indented under the words (a command written
 * below "Look at the end of its log:") taken apart as code, byte for byte from the source.
 * Wrapped prose indented a little stays text.
 */
function segments(p: Paragraph, ctx: Context): Segment[] {
  const line = p.position?.start.line ?? 0;
  const lines = inline(p.children, ctx).split('\n');
  const raw = (p as SourceParagraph).data?.raw ?? [];
  const out: Segment[] = [];
  if (raw.length !== lines.length) return lines.map((text, i) => ({ type: 'text', text, line: line + i }));
  // Where the words start: of the first line, then of each boxed or numbered step line.
  let base = textColumn(raw[0] ?? '');
  let code: string[] = [];
  const flush = () => {
    if (code.length) out.push({ type: 'code', value: dedent(code), line });
    code = [];
  };
  lines.forEach((text, i) => {
    const source = raw[i] ?? '';
    const deeper = i > 0 && source.trim() ? indentOf(source) - base : 0;
    const previous = (lines[i - 1] ?? '').trimEnd();
    const underColon = previous.endsWith(':') || code.length > 0;
    if (i > 0 && (deeper >= 4 || (deeper >= 2 && underColon)) && !BOX.test(source)) {
      code.push(source);
      return;
    }
    flush();
    if (i > 0 && (BOX.test(source) || STEP_LINE.test(text.trim()))) base = textColumn(source);
    out.push({ type: 'text', text, line: line + i });
  });
  flush();
  return out;
}

function codesIn(text: string, codes: readonly string[]): string[] {
  return codes.filter((c) => text.includes(c));
}

/** Blocks of text lines: boxes, options, metadata, windows, labels and prose. */
function lineBlocks(segs: readonly Segment[], codes: readonly string[]): Block[] {
  const blocks: Block[] = [];
  const optionLines = segs.filter((s) => s.type === 'text' && OPTION.test(s.text.trim()));
  const options =
    optionLines.length >= 2 &&
    /^\(?a/i.test(optionLines[0]?.type === 'text' ? optionLines[0].text.trim() : '');
  let box: Extract<Block, { kind: 'item' }> | null = null;
  for (const seg of segs) {
    if (seg.type === 'code') {
      const code: Block = { kind: 'code', lang: null, value: seg.value, line: seg.line, closed: true };
      if (box) box.children.push(code);
      else blocks.push(code);
      continue;
    }
    const text = seg.text.trim();
    const line = seg.line;
    if (!text || isRuleLine(text)) continue;
    const boxed = BOX.exec(text);
    if (boxed) {
      const words = (boxed[2] ?? '').trim();
      const numbered = NUMBER.exec(words);
      box = {
        kind: 'item',
        text: numbered ? words.slice(numbered[0].length) : words,
        line,
        ordered: false,
        task: true,
        ...(numbered?.[1] ? { number: numbered[1] } : {}),
        phaseList: false,
        children: [],
        codes: codesIn(words, codes),
      };
      blocks.push(box);
      continue;
    }
    const option = options ? OPTION.exec(text) : null;
    if (option) {
      const body = option[2] ?? '';
      const split = /^(.{2,80}?)\s+(?:[—–]|-{1,2}|→|->|:)\s+(\S.*)$/.exec(body);
      blocks.push({
        kind: 'option',
        when: split?.[1]?.trim() ?? `option ${option[1]}`,
        text: split?.[2]?.trim() ?? body,
        line,
        raw: body,
        codes: codesIn(text, codes),
      });
      box = null;
      continue;
    }
    const stepLine = isShoutedLine(text) ? null : STEP_LINE.exec(text);
    if (stepLine) {
      box = {
        kind: 'item',
        text: text.slice(stepLine[0].length),
        line,
        ordered: true,
        task: false,
        number: stepLine[1] ?? stepLine[2] ?? '',
        phaseList: false,
        children: [],
        codes: codesIn(text, codes),
      };
      blocks.push(box);
      continue;
    }
    const window = windowLine(text);
    if (window) {
      blocks.push({ kind: 'window', window, line });
      box = null;
      continue;
    }
    const meta = metaLine(text);
    if (meta) {
      for (const m of meta) blocks.push({ kind: 'meta', ...m, line });
      box = null;
      continue;
    }
    // A box's wrapped lines stay in its step.
    if (box && box.children.length === 0 && !isShoutedLine(text)) {
      box.text = `${box.text} ${text}`;
      box.codes.push(...codesIn(text, codes));
      continue;
    }
    if (isLabelLine(text)) {
      blocks.push({ kind: 'label', text, line });
      box = null;
      continue;
    }
    box = null;
    // A sentence wrapped over lines stays one: the line before it did not end the sentence.
    const before = blocks.at(-1);
    if (before?.kind === 'note' && before.line === line - 1 && !/[.!?:;]$/.test(before.text)) {
      before.text = `${before.text} ${text}`;
      before.line = line;
      before.codes.push(...codesIn(text, codes));
      continue;
    }
    blocks.push({ kind: 'note', text, line, codes: codesIn(text, codes) });
  }
  return blocks;
}

function paragraphBlocks(p: Paragraph, ctx: Context): Block[] {
  const line = p.position?.start.line ?? 0;
  const label = boldLabel(p, ctx);
  if (label !== null) {
    const window = windowLine(label);
    return [
      window && !/[A-Za-z]{4,}/.test(parseWindow(label).rest)
        ? { kind: 'window', window, line }
        : { kind: 'label', text: label, line },
    ];
  }
  const codes: string[] = [];
  inlineRaw(p.children, sink(), codes);
  return lineBlocks(segments(p, ctx), codes);
}

/** Sentences rather than commands: capitalised words, spaces, and a full stop or comma. */
function looksLikeProse(text: string): boolean {
  const first = text.trim().split('\n')[0] ?? '';
  const words = first.split(/\s+/);
  return (
    /^[A-Z][a-z]+$/.test(words[0] ?? '') &&
    words.length >= 4 &&
    /[.,;]/.test(text) &&
    !/[|>&$=]|--/.test(first)
  );
}

/**
 * An indented block under a plain-text step: its runs (split at blank lines) are commands,
 * except a run that is the step's wrapped prose ("The switch takes about thirty seconds; …").
 */
function indentedBlocks(node: Code, ctx: Context): Block[] {
  const line = node.position?.start.line ?? 0;
  const runs = node.value.split(/\n\s*\n/).filter((r) => r.trim());
  return runs.map((run): Block => {
    const value = visible(dedent(run.split('\n')), ctx);
    return looksLikeProse(value)
      ? { kind: 'note', text: value.replace(/\s+/g, ' '), line, codes: [] }
      : { kind: 'code', lang: null, value, line, closed: true };
  });
}

function codeBlock(node: MarkdownCode, ctx: Context): Block {
  const line = node.position?.start.line ?? 0;
  const closed = node.data?.closed ?? true;
  if (!closed) ctx.warnings.unclosedFences.push(line);
  return {
    kind: 'code',
    lang: node.lang?.toLowerCase() ?? null,
    value: visible(node.value, ctx),
    line,
    closed,
  };
}

function itemBlocks(item: ListItem, list: List, phaseList: boolean, ctx: Context): Block[] {
  const line = item.position?.start.line ?? 0;
  const [first, ...rest] = item.children;
  const codes: string[] = [];
  const segs = first?.type === 'paragraph' ? segments(first, ctx) : [];
  if (first?.type === 'paragraph') inlineRaw(first.children, sink(), codes);
  const titleLines: string[] = [];
  let i = 0;
  for (; i < segs.length; i++) {
    const seg = segs[i];
    if (seg?.type !== 'text' || OPTION.test(seg.text.trim())) break;
    titleLines.push(seg.text);
  }
  const lastTitleLine = titleLines.at(-1) ?? '';
  // Plain text numbers its section titles and underlines them with `====`; when the number is
  // "1." Markdown reads a list item instead of a heading. Take it for the heading it is.
  if (rest.length === 0 && titleLines.length > 1 && /^\s*={3,}\s*$/.test(lastTitleLine)) {
    return [{ kind: 'heading', depth: 1, text: titleLines.slice(0, -1).join(' ').trim(), line }];
  }
  const text = titleLines
    .filter((l) => !isRuleLine(l))
    .join(' ')
    .trim();
  const after = lineBlocks(segs.slice(i), codes);
  const children = [
    ...after,
    ...(first?.type === 'paragraph' ? rest : item.children).flatMap((c) => toBlocks(c, ctx)),
  ];
  const number = (item as NumberedItem).data?.number;
  const lead = first?.type === 'paragraph' ? leadingBold(first.children) : undefined;
  return [
    {
      kind: 'item',
      text,
      line,
      ordered: list.ordered === true,
      task: typeof item.checked === 'boolean',
      ...(number !== undefined ? { number: String(number) } : {}),
      ...(lead ? { lead } : {}),
      phaseList,
      children,
      codes: codesIn(text, codes),
    },
  ];
}

const ALERT = /^\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION|DANGER)\]\s*/i;

/** `> [!WARNING]` and its kin: a caution for the whole playbook. Other quotes are read through. */
function quoteBlocks(node: Blockquote, ctx: Context): Block[] {
  const first = node.children[0];
  const lead = first?.type === 'paragraph' ? first.children[0] : undefined;
  if (lead?.type === 'text' && ALERT.test(lead.value)) {
    const kind = (ALERT.exec(lead.value)?.[1] ?? 'note').toLowerCase();
    const text = flatText(node.children, ctx).replace(ALERT, '').replace(/\s+/g, ' ').trim();
    const word = kind.charAt(0).toUpperCase() + kind.slice(1);
    return text ? [{ kind: 'alert', text: `${word}: ${text}`, line: node.position?.start.line ?? 0 }] : [];
  }
  return node.children.flatMap((c) => toBlocks(c, ctx));
}

/** Everything a container says, as one text. */
function flatText(nodes: readonly RootContent[], ctx: Context): string {
  return nodes
    .map((n) => {
      if (n.type === 'paragraph' || n.type === 'heading') return inline(n.children, ctx);
      if (n.type === 'code') return n.value;
      if ('children' in n) return flatText(n.children as RootContent[], ctx);
      return '';
    })
    .filter(Boolean)
    .join(' ');
}

function tableBlock(node: Table, ctx: Context): Block {
  const rows = node.children.map((row) =>
    row.children.map((cell): Cell => {
      const codes: string[] = [];
      return { text: inline(cell.children, ctx, codes).trim(), codes };
    }),
  );
  const [header = [], ...body] = rows;
  return {
    kind: 'table',
    header: header.map((c) => c.text),
    rows: body,
    line: node.position?.start.line ?? 0,
  };
}

function toBlocks(node: Nodes, ctx: Context): Block[] {
  switch (node.type) {
    case 'heading': {
      const text = inline(node.children, ctx);
      const title = text
        .split('\n')
        .filter((l) => !isRuleLine(l))
        .join(' ')
        .trim();
      return title
        ? [{ kind: 'heading', depth: node.depth, text: title, line: node.position?.start.line ?? 0 }]
        : [];
    }
    case 'paragraph':
      return paragraphBlocks(node, ctx);
    case 'list': {
      // "1. **Alert the war room** (0-2 minutes)", "2. **Trip the breakers** (2-5 minutes)": items
      // that each end with a window are phases. One item with a duration is just a step.
      const probe: Context = { warnings: emptyWarnings() };
      const windowed = node.children.filter((item) => {
        const first = item.children[0];
        return first?.type === 'paragraph' && trailingWindow(inlineRaw(first.children, probe)) !== null;
      });
      return node.children.flatMap((item) => itemBlocks(item, node, windowed.length >= 2, ctx));
    }
    case 'code':
      return (node as MarkdownCode).data?.indented
        ? indentedBlocks(node, ctx)
        : [codeBlock(node as MarkdownCode, ctx)];
    case 'blockquote':
      return quoteBlocks(node, ctx);
    case 'html':
      if (!isComment(node.value)) ctx.warnings.html++;
      return [];
    case 'table':
      return [tableBlock(node, ctx)];
    default:
      return [];
  }
}

/** The blocks of a parsed document, in reading order, with what was left out counted. */
export function documentBlocks(root: Root): { blocks: Block[]; warnings: BlockWarnings } {
  const ctx: Context = { warnings: emptyWarnings() };
  const blocks = root.children.flatMap((c: RootContent) => toBlocks(c, ctx));
  return { blocks, warnings: ctx.warnings };
}
