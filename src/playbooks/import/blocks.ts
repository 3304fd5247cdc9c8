import type { Code, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MarkdownCode } from './markdown.ts';
import { isRuleLine, stripInvisible } from './text.ts';
import { trailingWindow } from './windows.ts';

// The Markdown tree (mdast, from micromark with GFM) reduced to what a runbook is made of:
// headings, labels ("Immediate actions (0-5 minutes):"), list items, boxes, code and prose.
// Plain-text runbooks come through the same parser: their `====` rules turn titles into setext
// headings, their indented commands into code, their `□` lines into paragraph lines.

export type Block =
  | { kind: 'heading'; depth: number; text: string; line: number }
  | { kind: 'label'; text: string; line: number }
  | { kind: 'note'; text: string; line: number }
  | {
      kind: 'item';
      text: string;
      line: number;
      ordered: boolean;
      task: boolean;
      /** Its list gives several items a window of their own: each is a phase ("(0-2 minutes)"). */
      phaseList: boolean;
      children: Block[];
    }
  | { kind: 'code'; lang: string | null; value: string; line: number; closed: boolean };

export interface BlockWarnings {
  html: number;
  /** Invisible characters written as entities (`&#x202E;`): decoded only by the parser. */
  invisible: number;
  unsafeLinks: number;
  tables: number;
  unclosedFences: number[];
}

const SAFE_URL = /^(https?:|mailto:)/i;
/** `□ item`, `☐ item`, `[ ] item`, ticked or not: a box to tick in a plain-text runbook. */
const BOX = /^\s*(□|☐|▢|❑|☑|☒|✅|\[[\sxX]?\])\s+(\S.*)$/u;
const MAX_LABEL = 100;

const emptyWarnings = (): BlockWarnings => ({
  html: 0,
  invisible: 0,
  unsafeLinks: 0,
  tables: 0,
  unclosedFences: [],
});

interface Context {
  source: string;
  warnings: BlockWarnings;
}

/** Text the parser produced, with invisible characters it decoded from entities removed. */
function visible(text: string, ctx: Context): string {
  const { text: cleaned, removed } = stripInvisible(text);
  ctx.warnings.invisible += removed;
  return cleaned;
}

/** Inline content as plain text. Raw HTML is dropped; only http(s)/mailto link targets are kept. */
function inline(nodes: readonly PhrasingContent[], ctx: Context): string {
  return visible(inlineRaw(nodes, ctx), ctx);
}

function inlineRaw(nodes: readonly PhrasingContent[], ctx: Context): string {
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          return node.value;
        case 'break':
          return '\n';
        case 'html':
          ctx.warnings.html++;
          return '';
        case 'image':
          return node.alt ?? '';
        case 'link': {
          const label = inlineRaw(node.children, ctx);
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
          return inlineRaw(node.children, ctx);
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

/** A short line that introduces what follows: ends with a colon, or carries a time window alone. */
function isLabelLine(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > MAX_LABEL) return false;
  if (t.endsWith(':')) return true;
  return /^(phase\s+\d+\s*:)/i.test(t);
}

function paragraphBlocks(p: Paragraph, ctx: Context): Block[] {
  const line = p.position?.start.line ?? 0;
  const label = boldLabel(p, ctx);
  if (label !== null) return [{ kind: 'label', text: label, line }];
  const blocks: Block[] = [];
  const lines = inline(p.children, ctx).split('\n');
  lines.forEach((text, i) => {
    if (!text.trim() || isRuleLine(text)) return;
    const box = BOX.exec(text);
    if (box)
      blocks.push({
        kind: 'item',
        text: (box[2] ?? '').trim(),
        line: line + i,
        ordered: false,
        task: true,
        phaseList: false,
        children: [],
      });
    else if (isLabelLine(text)) blocks.push({ kind: 'label', text: text.trim(), line: line + i });
    else blocks.push({ kind: 'note', text: text.trim(), line: line + i });
  });
  return blocks;
}

function codeBlock(node: Code, ctx: Context): Block {
  const line = node.position?.start.line ?? 0;
  const closed = (node as MarkdownCode).data?.closed ?? true;
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
  const titleLines = first?.type === 'paragraph' ? inline(first.children, ctx).split('\n') : [];
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
  const children = (first?.type === 'paragraph' ? rest : item.children).flatMap((c) => toBlocks(c, ctx));
  return [
    {
      kind: 'item',
      text,
      line,
      ordered: list.ordered === true,
      task: typeof item.checked === 'boolean',
      phaseList,
      children,
    },
  ];
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
      const probe: Context = { source: ctx.source, warnings: emptyWarnings() };
      const windowed = node.children.filter((item) => {
        const first = item.children[0];
        return first?.type === 'paragraph' && trailingWindow(inlineRaw(first.children, probe)) !== null;
      });
      return node.children.flatMap((item) => itemBlocks(item, node, windowed.length >= 2, ctx));
    }
    case 'code':
      return [codeBlock(node, ctx)];
    case 'blockquote':
      return node.children.flatMap((c) => toBlocks(c, ctx));
    case 'html':
      ctx.warnings.html++;
      return [];
    case 'table':
      ctx.warnings.tables++;
      return [];
    default:
      return [];
  }
}

/** The blocks of a parsed document, in reading order, with what was left out counted. */
export function documentBlocks(root: Root, source: string): { blocks: Block[]; warnings: BlockWarnings } {
  const ctx: Context = { source, warnings: emptyWarnings() };
  const blocks = root.children.flatMap((c: RootContent) => toBlocks(c, ctx));
  return { blocks, warnings: ctx.warnings };
}
