/**
 * Where a comment starts after a value: a `#` at the start or after white space, outside
 * quotes, and not a Chef template's `#{...}`; -1 when there is none.
 */
export function trailingComment(text: string, from = 0): number {
  let quote: string | undefined;
  for (let index = from; index < text.length; index += 1) {
    const char = text[index];
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (
      char === '#' &&
      text[index + 1] !== '{' &&
      (index === from || /\s/.test(text[index - 1] ?? ''))
    )
      return index;
  }
  return -1;
}

/** The text before its trailing comment, without the white space that ends it. */
export function withoutComment(text: string, from = 0): string {
  const at = trailingComment(text, from);
  return (at < 0 ? text : text.slice(0, at)).trimEnd();
}
