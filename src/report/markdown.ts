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

/** ASCII punctuation that Markdown or HTML can read as structure; `.`, `/` and `-` never can inline. */
const STRUCTURAL = /[!-,:-@[-`{-~]/g;

/**
 * Inline code that holds any single-line text, backticks included.
 *
 * Text with `<` or `>` (a file name may well be `<!-- posture:review … -->.yml`) never goes into
 * a backtick span: the span would show it right, but the Markdown itself would hold the text's
 * `<!--` as is, ahead of the hidden records Posture writes and reads back. Escaping inside the
 * span does not help either, since GitHub shows `&lt;` there as those four characters. Such text
 * becomes a `<code>` element instead, in which every structural character is a numeric character
 * reference: GitHub shows the text exactly, as code, and the Markdown holds no `<`, no backtick
 * and no emphasis from it. The `|` becomes `&#124;`, so a table cell needs no escape for it.
 */
export function codeSpan(text: string): string {
  const line = text.replace(/\r?\n/g, ' ');
  if (/[<>]/.test(line))
    return `<code>${line.replace(STRUCTURAL, (character) => `&#${character.charCodeAt(0)};`)}</code>`;
  const fence = '`'.repeat(longestBacktickRun(line) + 1);
  const padding = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${line}${padding}${fence}`;
}

/** A fence for a fenced code block: longer than any backtick run in `content`, and at least three long. */
export function codeFence(content: string): string {
  return '`'.repeat(Math.max(3, longestBacktickRun(content) + 1));
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}
