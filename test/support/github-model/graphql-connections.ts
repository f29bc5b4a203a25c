/**
 * Relay connections over a list, as GitHub pages them: `first`/`after` forwards, `last`/`before`
 * backwards, opaque cursors, `pageInfo`, `nodes`, `edges` and `totalCount`. The node limits
 * (1 to 100, one of first or last) are checked before execution, in graphql-connection-limits.ts.
 */
import { GraphqlProblem } from './graphql-errors.js';

export interface ConnectionArguments {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export function connection<T>(
  items: readonly T[],
  args: ConnectionArguments,
  toNode: (item: T) => unknown,
) {
  let from = args.after ? indexOf(args.after) + 1 : 0;
  let to = args.before ? Math.min(items.length, indexOf(args.before)) : items.length;
  from = Math.min(from, to);
  if (typeof args.first === 'number') to = Math.min(to, from + args.first);
  if (typeof args.last === 'number') from = Math.max(from, to - args.last);
  const page = items
    .slice(from, to)
    .map((item, offset) => ({ cursor: cursorOf(from + offset), node: toNode(item) }));
  return {
    totalCount: items.length,
    pageInfo: {
      hasNextPage: to < items.length,
      hasPreviousPage: from > 0,
      startCursor: page[0]?.cursor ?? null,
      endCursor: page.at(-1)?.cursor ?? null,
    },
    nodes: page.map((edge) => edge.node),
    edges: page,
  };
}

function cursorOf(index: number): string {
  return Buffer.from(`cursor:v2:${index}`).toString('base64');
}

function indexOf(cursor: string): number {
  const index = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'))?.[1];
  if (index === undefined)
    throw new GraphqlProblem(
      'INVALID_CURSOR_ARGUMENTS',
      `\`${cursor}\` does not appear to be a valid cursor.`,
    );
  return Number(index);
}
