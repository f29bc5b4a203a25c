/** Items for a sentence: `a`, `a or b`, `a, b or c`. */
export function listed(items: readonly string[]): string {
  return items.length > 1
    ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`
    : (items[0] ?? '');
}
