/**
 * Tokens of the YAML concrete syntax tree found by type, walked without recursion (a deeply
 * nested file cannot exhaust the stack): the comments, which only the CST keeps, and the quoted
 * scalars whose continuation lines Ansible's loader reads differently.
 */

/** The fields of a CST token that hold other tokens. */
const CHILD_FIELDS = ['start', 'key', 'sep', 'value', 'items', 'end', 'props'] as const;

export interface SourceToken {
  type: string;
  offset: number;
  source: string;
}

/** Every token of one of `types`, in no particular order; a found token is not searched further. */
export function tokensOfType(
  tokens: readonly unknown[],
  types: ReadonlySet<string>,
): SourceToken[] {
  const found: SourceToken[] = [];
  const stack: unknown[] = [...tokens];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      for (const child of item) stack.push(child);
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    const token = item as { type?: string; offset?: number; source?: string } & Partial<
      Record<(typeof CHILD_FIELDS)[number], unknown>
    >;
    if (
      token.type !== undefined &&
      types.has(token.type) &&
      typeof token.offset === 'number' &&
      typeof token.source === 'string'
    ) {
      found.push({ type: token.type, offset: token.offset, source: token.source });
      continue;
    }
    for (const field of CHILD_FIELDS) {
      const child = token[field];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return found;
}
