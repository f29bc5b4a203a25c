/** Text from repositories and findings, made inert inside Markdown: one line, no HTML. */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A table cell: GitHub splits rows on every unescaped pipe, even inside code spans and links. */
export function tableCell(markdown: string): string {
  return markdown.replace(/\|/g, '\\|');
}

/** A code span that holds any single-line text, backticks included. */
export function codeSpan(text: string): string {
  const fence = '`'.repeat(longestBacktickRun(text) + 1);
  const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${text.replace(/\r?\n/g, ' ')}${padding}${fence}`;
}

/** A fence for a fenced code block: longer than any backtick run in `content`, and at least three long. */
export function codeFence(content: string): string {
  return '`'.repeat(Math.max(3, longestBacktickRun(content) + 1));
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}
