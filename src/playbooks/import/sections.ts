import type { Block } from './blocks.ts';

/** A heading with what it holds: its own blocks (which come before any sub-heading) and sub-sections. */
export interface Section {
  title: string;
  depth: number;
  line: number;
  blocks: Block[];
  children: Section[];
}

/** The heading tree of a document; blocks before the first heading belong to the root. */
export function sectionTree(blocks: readonly Block[], rootTitle: string): Section {
  const root: Section = { title: rootTitle, depth: 0, line: 1, blocks: [], children: [] };
  const open: Section[] = [root];
  const innermost = () => open[open.length - 1] ?? root;
  for (const block of blocks) {
    if (block.kind !== 'heading') {
      innermost().blocks.push(block);
      continue;
    }
    while (open.length > 1 && innermost().depth >= block.depth) open.pop();
    const section: Section = {
      title: block.text,
      depth: block.depth,
      line: block.line,
      blocks: [],
      children: [],
    };
    innermost().children.push(section);
    open.push(section);
  }
  return root;
}
