/**
 * The server blocks of an nginx file and the virtual hosts of an Apache httpd file, found in
 * the file's own lines: the directives keep the path of the blocks they sit in, but two
 * `server { }` blocks one after another share it, and a block opened in one fragment and closed
 * in another looks complete. Template tags, quoted strings and comments are blanked before the
 * braces and tags are counted, so that `{{ x }}` or `<%= y %>` open and close nothing.
 */
import type { ConfigFormat } from '../../model/model.js';

export interface Block {
  /** first and last line of the block, 1-based and inclusive */
  from: number;
  to: number;
}

const TEMPLATE_TAG = /\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|<%.*?%>|\$\{[^}]*\}|#\{[^}]*\}/g;
const QUOTED = /"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'/g;

/** A line with its template tags, strings and comment blanked out. */
function bare(line: string): string {
  return line
    .replace(TEMPLATE_TAG, ' ')
    .replace(QUOTED, '""')
    .replace(/(^|\s)#.*$/, '$1');
}

const SERVER_OPENING = /^\s*server\s*\{/;

/** nginx `server { ... }` blocks at any depth, the `server` of an `upstream` excluded by its form. */
function nginxBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let depth = 0;
  let open: { from: number; depth: number } | undefined;
  lines.forEach((line, index) => {
    const text = bare(line);
    if (!open && SERVER_OPENING.test(text)) open = { from: index + 1, depth };
    for (const char of text) {
      if (char === '{') depth += 1;
      else if (char === '}') {
        depth -= 1;
        if (open && depth === open.depth) {
          blocks.push({ from: open.from, to: index + 1 });
          open = undefined;
        }
      }
    }
  });
  return blocks;
}

/** Apache `<VirtualHost ...> ... </VirtualHost>` sections. */
function apacheBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let from: number | undefined;
  lines.forEach((line, index) => {
    const text = bare(line);
    if (/^\s*<VirtualHost\b/i.test(text)) from = index + 1;
    else if (from !== undefined && /^\s*<\/VirtualHost\s*>/i.test(text)) {
      blocks.push({ from, to: index + 1 });
      from = undefined;
    }
  });
  return blocks;
}

/** The complete blocks of the file; one left open at its end is another file's to close. */
export function serverBlocks(format: ConfigFormat, lines: readonly string[]): Block[] {
  return format === 'nginx' ? nginxBlocks(lines) : apacheBlocks(lines);
}
