/**
 * Tokens of the YAML concrete syntax tree found by type, walked without recursion (a deeply
 * nested file cannot exhaust the stack): the comments, which only the CST keeps, and the quoted
 * scalars whose continuation lines Ansible's loader reads differently.
 *
 * The walk follows the fields each kind of token has (`yaml`'s `CST` types): reading every
 * field name of every token, most of them spaces and newlines that hold nothing, was a fifth of
 * the time Posture spends on a YAML file beyond the library's own parse. A token of a kind not
 * listed here is searched field by field, so a token a later version of the library adds is
 * still searched.
 */

export interface SourceToken {
  type: string;
  offset: number;
  source: string;
}

/** The fields of a CST token that can hold other tokens, for tokens of an unknown kind. */
const CHILD_FIELDS = ['start', 'key', 'sep', 'value', 'items', 'end', 'props'] as const;

/** Tokens that hold no others: the CST's source tokens, errors and directives. */
const LEAVES: ReadonlySet<string> = new Set([
  'byte-order-mark',
  'doc-mode',
  'doc-start',
  'space',
  'comment',
  'newline',
  'directive-line',
  'anchor',
  'tag',
  'seq-item-ind',
  'explicit-key-ind',
  'map-value-ind',
  'flow-map-start',
  'flow-map-end',
  'flow-seq-start',
  'flow-seq-end',
  'flow-error-end',
  'comma',
  'block-scalar-header',
  'error',
  'directive',
]);

/** Scalars and the end of a document: what follows them on their line is in `end`. */
const WITH_END_ONLY: ReadonlySet<string> = new Set([
  'alias',
  'scalar',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'doc-end',
]);

type Fields = { type?: unknown; offset?: unknown; source?: unknown } & Partial<
  Record<(typeof CHILD_FIELDS)[number], unknown>
>;

interface CollectionItem {
  start?: unknown;
  key?: unknown;
  sep?: unknown;
  value?: unknown;
}

/** Every token of one of `types`, in no particular order; a found token is not searched further. */
export function tokensOfType(
  tokens: readonly unknown[],
  types: ReadonlySet<string>,
): SourceToken[] {
  const found: SourceToken[] = [];
  const pending: unknown[] = tokens.slice();
  /** A token that is wanted is taken; true when it was. */
  const take = (item: unknown): boolean => {
    if (item === null || typeof item !== 'object') return false;
    const { type, offset, source } = item as Fields;
    if (
      typeof type !== 'string' ||
      !types.has(type) ||
      typeof offset !== 'number' ||
      typeof source !== 'string'
    )
      return false;
    found.push({ type, offset, source });
    return true;
  };
  /** The source tokens of a `start`, `sep` or `end` field, which hold no others. */
  const takeAll = (list: unknown): void => {
    if (!Array.isArray(list)) {
      if (list !== undefined) pending.push(list);
      return;
    }
    for (const item of list) if (!take(item) && !isLeaf(item)) pending.push(item);
  };
  const pushAll = (list: unknown): void => {
    if (Array.isArray(list)) for (const item of list) pending.push(item);
    else if (list !== undefined) pending.push(list);
  };
  while (pending.length > 0) {
    const item = pending.pop();
    if (Array.isArray(item)) {
      pushAll(item);
      continue;
    }
    if (item === null || typeof item !== 'object' || take(item)) continue;
    const token = item as Fields;
    const type = typeof token.type === 'string' ? token.type : '';
    if (LEAVES.has(type)) continue;
    if (WITH_END_ONLY.has(type)) {
      takeAll(token.end);
    } else if (type === 'document') {
      takeAll(token.start);
      if (token.value !== undefined) pending.push(token.value);
      takeAll(token.end);
    } else if (type === 'block-map' || type === 'block-seq' || type === 'flow-collection') {
      takeAll(token.start);
      takeAll(token.end);
      if (Array.isArray(token.items))
        for (const entry of token.items as CollectionItem[]) {
          takeAll(entry.start);
          if (entry.key !== undefined && entry.key !== null) pending.push(entry.key);
          takeAll(entry.sep);
          if (entry.value !== undefined && entry.value !== null) pending.push(entry.value);
        }
    } else if (type === 'block-scalar') {
      pushAll(token.props);
    } else {
      for (const field of CHILD_FIELDS) {
        const child = token[field];
        if (child !== null && typeof child === 'object') pending.push(child);
      }
    }
  }
  return found;
}

function isLeaf(item: unknown): boolean {
  if (item === null || typeof item !== 'object') return true;
  const type = (item as Fields).type;
  return typeof type === 'string' && LEAVES.has(type);
}
