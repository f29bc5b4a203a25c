/**
 * A Jinja2 condition read as the parts it requires together: `ansible_os_family == 'Debian' and
 * ssh_lab | bool` needs a Debian host and the flag. Each part must pick hosts (`host-test.ts`)
 * or test one flag (`flag-test.ts`); a condition with any other part, or with `or` outside
 * brackets, is not read.
 */
import { readFlagTest, type FlagTest } from './flag-test.js';
import { selectsHosts } from './host-test.js';

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
  const parts = topLevelParts(condition);
  return parts && readParts(parts, (part) => selectsHosts(part, registered), readFlagTest);
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

/** The condition split on `and` outside quotes and brackets; undefined where `or` joins parts. */
function topLevelParts(condition: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let partStart = 0;
  for (let index = 0; index < condition.length; index++) {
    const char = condition[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === '(' || char === '[' || char === '{') {
      depth++;
    } else if (char === ')' || char === ']' || char === '}') {
      depth--;
    } else if (depth === 0 && /\s/.test(char ?? '')) {
      const word = /^\s+(and|or)\s/.exec(condition.slice(index));
      if (word?.[1] === 'or') return undefined;
      if (word) {
        parts.push(condition.slice(partStart, index));
        index += word[0].length - 1;
        partStart = index + 1;
      }
    }
  }
  parts.push(condition.slice(partStart));
  return parts.map((part) => part.trim());
}
