/**
 * A Jinja2 condition read as the parts it requires together: `ansible_os_family == 'Debian' and
 * ssh_lab | bool` needs a Debian host and the flag. Each part must pick hosts (`host-test.ts`)
 * or test one flag (`flag-test.ts`); a condition with any other part is not read. One with `or`
 * is read as the ways it can hold, each such parts (`readConditionAlternatives`).
 */
import type { FlagGuard, FlagWays } from '../../model/model.js';
import { MAX_FLAG_WAYS } from '../../model/flag-ways.js';
import { readFlagTest, type FlagTest } from './flag-test.js';
import { selectsHosts } from './host-test.js';
import { splitOnOperator } from './top-level-parts.js';

export interface ConditionParts<Flag = FlagTest> {
  /** some part picks hosts */
  picksHosts: boolean;
  /** the flags the other parts test */
  flags: Flag[];
}

/** `registered`: names under which earlier tasks registered what they found on the host. */
export function readConditionParts(
  condition: string,
  registered?: ReadonlySet<string>,
): ConditionParts | undefined {
  const parts = topLevelParts(condition, 'and');
  return parts && readParts(parts, (part) => selectsHosts(part, registered), readFlagTest);
}

/** A condition read as more ways than `MAX_FLAG_WAYS`, or nested deeper in brackets, is not read. */
const MAX_NESTING = 8;

/**
 * A condition whose parts `or` joins at the top (`ssh_lab | bool or ssh_legacy | bool`), each
 * read as `readConditionParts` reads a whole one: it holds where any of them does. A bracketed
 * `or` among the parts `and` joins is distributed over them (`lab and (legacy or debug)` holds
 * as `lab and legacy` or `lab and debug`). Undefined where any part is not read.
 */
export function readConditionAlternatives(
  condition: string,
  registered?: ReadonlySet<string>,
  nesting = 0,
): ConditionParts[] | undefined {
  if (nesting > MAX_NESTING) return undefined;
  const alternatives: ConditionParts[] = [];
  for (const written of topLevelParts(condition, 'or') ?? []) {
    const alternative = withoutOuterBrackets(written);
    // `(a or b)` is read as `a or b`.
    const inner =
      alternative === written.trim()
        ? conjunctionWays(alternative, registered, nesting)
        : readConditionAlternatives(alternative, registered, nesting + 1);
    if (!inner || alternatives.length + inner.length > MAX_FLAG_WAYS) return undefined;
    alternatives.push(...inner);
  }
  return alternatives.length > 0 ? alternatives : undefined;
}

/**
 * The ways parts joined by `and` hold: one, unless a part is a bracketed `or`, whose ways each
 * join the other parts.
 */
function conjunctionWays(
  condition: string,
  registered: ReadonlySet<string> | undefined,
  nesting: number,
): ConditionParts[] | undefined {
  const parts = topLevelParts(condition, 'and') ?? [];
  const grouped = parts.map((part) => {
    const inner = withoutOuterBrackets(part);
    return inner !== part && (topLevelParts(inner, 'or')?.length ?? 0) > 1 ? inner : undefined;
  });
  if (grouped.every((group) => group === undefined))
    return optional(readConditionParts(condition, registered));
  const single = readParts(
    parts.filter((_part, index) => grouped[index] === undefined),
    (part) => selectsHosts(part, registered),
    readFlagTest,
  );
  if (!single) return undefined;
  let ways: ConditionParts[] = [single];
  for (const group of grouped) {
    if (group === undefined) continue;
    const inner = readConditionAlternatives(group, registered, nesting + 1);
    if (!inner || ways.length * inner.length > MAX_FLAG_WAYS) return undefined;
    ways = ways.flatMap((way) =>
      inner.map((parts) => ({
        picksHosts: way.picksHosts || parts.picksHosts,
        flags: [...way.flags, ...parts.flags],
      })),
    );
  }
  return ways;
}

function optional<T>(value: T | undefined): T[] | undefined {
  return value === undefined ? undefined : [value];
}

/**
 * What each option of a `case` on one variable needs, in order, for any language's reader: the
 * variable to equal one of the option's strings, each a way (`ignoringCase` as Puppet matches
 * strings); the `default`, to equal none of the strings of the others; an option of anything
 * but strings, or of more strings than `MAX_FLAG_WAYS`, is not read (undefined).
 */
export function caseOptionGuards(
  name: string,
  options: readonly (readonly (string | undefined)[] | 'default')[],
  ignoringCase: boolean,
): (FlagWays | undefined)[] {
  const equals = (value: string, when: boolean): FlagGuard => ({
    name,
    test: ignoringCase ? { equals: value, ignoringCase: true } : { equals: value },
    when,
  });
  const strings = options.flatMap((option) =>
    option === 'default' ? [] : option.filter((value) => value !== undefined),
  );
  return options.map((option) => {
    if (option === 'default') return [strings.map((value) => equals(value, false))];
    const read = option.filter((value) => value !== undefined);
    if (read.length === 0 || read.length < option.length || read.length > MAX_FLAG_WAYS)
      return undefined;
    return read.map((value) => [equals(value, true)]);
  });
}

/**
 * The parts of a condition that `and` joins, as any language's reader splits them, each picking
 * hosts or testing one flag; undefined when a part does neither.
 */
export function readParts<Part, Flag>(
  parts: readonly Part[],
  picksHosts: (part: Part) => boolean,
  flagOf: (part: Part) => Flag | undefined,
): ConditionParts<Flag> | undefined {
  const read: ConditionParts<Flag> = { picksHosts: false, flags: [] };
  for (const part of parts) {
    if (picksHosts(part)) {
      read.picksHosts = true;
      continue;
    }
    const flag = flagOf(part);
    if (flag === undefined) return undefined;
    read.flags.push(flag);
  }
  return read;
}

/**
 * The condition split on `joiner` outside quotes and brackets; splitting on `and`, undefined
 * where `or` joins parts, which binds looser.
 */
function topLevelParts(condition: string, joiner: 'and' | 'or'): string[] | undefined {
  if (joiner === 'and' && splitOnOperator(condition, 'or').length > 1) return undefined;
  return splitOnOperator(condition, joiner);
}

/**
 * `(a and b)` as `a and b`: brackets around the whole, which `or`'s parts often carry. One scan
 * pairs the brackets, so that a condition buried in thousands of them costs its length.
 */
function withoutOuterBrackets(part: string): string {
  const closing = closingBrackets(part);
  let start = 0;
  let end = part.length - 1;
  const trim = () => {
    while (start <= end && /\s/.test(part[start] ?? '')) start++;
    while (end >= start && /\s/.test(part[end] ?? '')) end--;
  };
  trim();
  while (part[start] === '(' && closing[start] === end) {
    start++;
    end--;
    trim();
  }
  return part.slice(start, end + 1);
}

/** For each `(` outside quotes, where its `)` is (-1 where none closes it). */
function closingBrackets(text: string): Int32Array {
  const closing = new Int32Array(text.length).fill(-1);
  const open: number[] = [];
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '(') open.push(index);
    else if (char === ')') {
      const opened = open.pop();
      if (opened !== undefined) closing[opened] = index;
    }
  }
  return closing;
}
