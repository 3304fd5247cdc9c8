import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import type {
  Blockquote,
  Code,
  Heading,
  Html,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
  ThematicBreak,
} from 'mdast';

// Markdown (and plain text) → the mdast subset the importer reads, parsed by markdown-it: one
// linear pass over the text, about a hundred times quicker than micromark on large runbooks, and
// it reads the same CommonMark and GFM constructs the importer uses (tables and strikethrough
// built in; task boxes read here from the item's first text). Nothing is rendered: only the
// token stream is used, and raw HTML arrives as `html` nodes for the importer to drop.

const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
// Links and images are kept as text later, whatever their target; markdown-it's own check would
// turn `javascript:` links into plain text before the importer can count them as unsafe.
md.validateLink = () => true;

/** A fenced block whose closing fence is missing (markdown-it runs it to the end of its container). */
export interface MarkdownCode extends Code {
  data?: { closed: boolean; indented: boolean };
}

const PLACEHOLDER = /^<[A-Z][A-Z0-9_]*>$/;

/** A paragraph with its source lines: indentation tells wrapped prose from a command under it. */
export interface SourceParagraph extends Paragraph {
  data?: { raw: string[] };
}

/** An ordered list item, with the number it was written with. */
export interface NumberedItem extends ListItem {
  data?: { number?: number };
}

const at = (line: number) => ({ start: { line: line + 1, column: 1 }, end: { line: line + 1, column: 1 } });

function inline(tokens: readonly Token[]): PhrasingContent[] {
  const root: PhrasingContent[] = [];
  const stack: { children: PhrasingContent[] }[] = [{ children: root }];
  const top = () => (stack[stack.length - 1] ?? { children: root }).children;
  const open = (node: PhrasingContent & { children: PhrasingContent[] }) => {
    top().push(node);
    stack.push(node);
  };
  let skipping: string | null = null;
  for (const t of tokens) {
    // What a <script> or <style> holds is not text of the runbook, even between inline tags.
    if (skipping !== null) {
      if (t.type === 'html_inline' && new RegExp(`^</${skipping}\\b`, 'i').test(t.content)) skipping = null;
      continue;
    }
    switch (t.type) {
      case 'text':
        top().push({ type: 'text', value: t.content });
        break;
      case 'code_inline':
        top().push({ type: 'inlineCode', value: t.content });
        break;
      case 'softbreak':
      case 'hardbreak':
        top().push({ type: 'break' });
        break;
      case 'html_inline': {
        // `<VENUE>`, `<NODE_ID>`: a placeholder the runbook asks to fill, not a tag.
        if (PLACEHOLDER.test(t.content)) top().push({ type: 'text', value: t.content });
        else {
          top().push({ type: 'html', value: t.content });
          const opened = /^<(script|style)\b/i.exec(t.content)?.[1];
          if (opened) skipping = opened;
        }
        break;
      }
      case 'image':
        top().push({ type: 'image', url: String(t.attrGet('src') ?? ''), alt: t.content });
        break;
      case 'link_open':
        open({ type: 'link', url: String(t.attrGet('href') ?? ''), children: [] });
        break;
      case 'strong_open':
        open({ type: 'strong', children: [] });
        break;
      case 'em_open':
        open({ type: 'emphasis', children: [] });
        break;
      case 's_open':
        open({ type: 'delete', children: [] });
        break;
      case 'link_close':
      case 'strong_close':
      case 'em_close':
      case 's_close':
        if (stack.length > 1) stack.pop();
        break;
      default:
        if (t.content) top().push({ type: 'text', value: t.content });
    }
  }
  return root;
}

type Container = { children: RootContent[] };

/** GFM task items, "- [ ] Do it" / "- [x] Done": the box becomes `checked`, the text loses it. */
function taskBox(item: ListItem): void {
  const first = item.children[0];
  const text = first?.type === 'paragraph' ? first.children[0] : undefined;
  if (text?.type !== 'text') return;
  const m = /^\[([ xX])\][ \t]+/.exec(text.value);
  if (!m) return;
  item.checked = m[1] !== ' ';
  text.value = text.value.slice(m[0].length);
}

/** The tree of a token stream. Iterative: nesting depth costs no stack. */
function tree(tokens: readonly Token[], lines: readonly string[]): Root {
  const root: Root = { type: 'root', children: [] };
  const stack: Container[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  const push = (node: RootContent) => top().children.push(node);
  const open = (node: RootContent & Container) => {
    push(node);
    stack.push(node);
  };
  let pendingHeading: Heading | null = null;
  let cells: TableCell[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    const line = t.map?.[0] ?? 0;
    switch (t.type) {
      case 'heading_open':
        pendingHeading = {
          type: 'heading',
          depth: Number(t.tag.slice(1)) as Heading['depth'],
          children: [],
          position: at(line),
        };
        push(pendingHeading);
        break;
      case 'paragraph_open': {
        const [from = 0, to = 0] = t.map ?? [];
        const p: SourceParagraph = {
          type: 'paragraph',
          children: [],
          position: at(line),
          data: { raw: lines.slice(from, to) },
        };
        push(p);
        const next = tokens[i + 1];
        if (next?.type === 'inline') {
          p.children = inline(next.children ?? []);
          i++;
        }
        break;
      }
      case 'inline':
        if (pendingHeading) pendingHeading.children = inline(t.children ?? []);
        else if (cells) cells.push({ type: 'tableCell', children: inline(t.children ?? []) });
        break;
      case 'heading_close':
        pendingHeading = null;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const start = Number(t.attrGet('start') ?? 1);
        const list: List = {
          type: 'list',
          ordered: t.type === 'ordered_list_open',
          start: t.type === 'ordered_list_open' ? start : null,
          children: [],
          position: at(line),
        };
        open(list as RootContent & Container);
        break;
      }
      case 'list_item_open': {
        const item: ListItem = { type: 'listItem', checked: null, children: [], position: at(line) };
        // markdown-it gives an ordered item its number: "go to step 8" means the item numbered 8.
        if (/^\d+$/.test(t.info)) (item as NumberedItem).data = { number: Number(t.info) };
        open(item as unknown as RootContent & Container);
        break;
      }
      case 'blockquote_open': {
        const quote: Blockquote = { type: 'blockquote', children: [], position: at(line) };
        open(quote as RootContent & Container);
        break;
      }
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
        taskBox(top() as unknown as ListItem);
        if (stack.length > 1) stack.pop();
        break;
      case 'blockquote_close':
        if (stack.length > 1) stack.pop();
        break;
      case 'fence':
      case 'code_block': {
        const code: MarkdownCode = {
          type: 'code',
          lang: t.type === 'fence' ? t.info.trim().split(/\s+/)[0] || null : null,
          value: t.content.replace(/\n$/, ''),
          position: at(line),
          data: {
            closed: t.type === 'code_block' || fenceClosed(t, lines),
            indented: t.type === 'code_block',
          },
        };
        push(code);
        break;
      }
      case 'html_block': {
        const html: Html = { type: 'html', value: t.content, position: at(line) };
        push(html);
        break;
      }
      case 'hr': {
        const hr: ThematicBreak = { type: 'thematicBreak', position: at(line) };
        push(hr);
        break;
      }
      case 'table_open': {
        const table: Table = { type: 'table', children: [], position: at(line) };
        open(table as unknown as RootContent & Container);
        break;
      }
      case 'tr_open': {
        cells = [];
        const row: TableRow = { type: 'tableRow', children: cells };
        (top() as unknown as Table).children.push(row);
        break;
      }
      case 'tr_close':
        cells = null;
        break;
      case 'table_close':
        if (stack.length > 1) stack.pop();
        break;
      default:
        break;
    }
  }
  return root;
}

/** Whether a fence's last line closes it: markdown-it runs an unclosed one to its container's end. */
function fenceClosed(t: Token, lines: readonly string[]): boolean {
  const [start, end] = t.map ?? [0, 0];
  if (end - start < 2) return false;
  const last = (lines[end - 1] ?? '').replace(/^[\s>]*/, '');
  const marker = t.markup.charAt(0);
  return last.startsWith(t.markup) && new RegExp(`^\\${marker}+\\s*$`).test(last);
}

/** The runbook as a tree; `text` has its line endings normalised already. */
export function parseMarkdown(text: string): Root {
  const tokens = md.parse(text, {});
  return tree(tokens, text.split('\n'));
}
