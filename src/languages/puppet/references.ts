/**
 * How Puppet strings read variables: `$x`, `${x}`, `$::x` and qualified names
 * (`${profile::ssh::port}`), written without the leading `::`.
 */
import type { FoundReference } from '../language.js';

const PUPPET_INTERPOLATION = /\$\{(::)?([a-z_]\w*(?:::\w+)*)\}|\$(::)?([a-z_]\w*(?:::\w+)*)/g;

export function puppetReferences(text: string): FoundReference[] {
  return [...text.matchAll(PUPPET_INTERPOLATION)].map((match) => {
    const start = match.index ?? 0;
    return {
      start,
      end: start + match[0].length,
      name: (match[2] ?? match[4] ?? '').replace(/^::/, ''),
      transforms: [],
    };
  });
}
