/**
 * A condition split on an operator where it stands outside quotes and brackets, as every
 * template language's condition reader splits them: a symbol (`&&`, `||`) anywhere, a word
 * (`and`, `or`) with space on both sides. Each part is trimmed.
 */
export function splitOnOperator(condition: string, operator: string): string[] {
  const word = /^\w+$/.test(operator);
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let index = 0; index < condition.length; index++) {
    const char = condition[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') depth--;
    else if (depth === 0 && condition.startsWith(operator, index)) {
      const spaced =
        /\s/.test(condition[index - 1] ?? '') &&
        /\s/.test(condition[index + operator.length] ?? '');
      if (word && !spaced) continue;
      parts.push(condition.slice(start, index).trim());
      start = index + operator.length;
      index = start - 1;
    }
  }
  parts.push(condition.slice(start).trim());
  return parts;
}
