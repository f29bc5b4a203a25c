/**
 * How Puppet strings read variables: `$x`, `${x}`, `$::x` and qualified names
 * (`${profile::ssh::port}`), written without the leading `::`; and the `if` expression that
 * picks one of two literals by a variable's truth (`${if $single { 'yes' } else { 'no' }}`, as
 * templates choose a setting), or stdlib's `bool2str` (`${bool2str($single, 'yes', 'no')}`),
 * which give the first for any value but `undef` and `false`, and never the variable's own.
 */
import type { FoundReference } from '../language.js';

const NAME = String.raw`[a-z_]\w*(?:::\w+)*`;
// Single-quoted only, unlike the template reader's LITERAL: the template reader writes a choice
// it translates with single quotes, and a manifest's own interpolation is read in that form too.
const LITERAL = String.raw`'([^'\\{}]*)'`;

const PUPPET_INTERPOLATION = new RegExp(
  String.raw`\$\{\s*if\s+(!\s*)?\$(?:::)?(${NAME})\s*\{\s*${LITERAL}\s*\}\s*else\s*\{\s*${LITERAL}\s*\}\s*\}` +
    String.raw`|\$\{\s*bool2str\(\s*\$(?:::)?(${NAME})\s*,\s*${LITERAL}\s*,\s*${LITERAL}\s*\)\s*\}` +
    String.raw`|\$\{(?:::)?(${NAME})\}|\$(?:::)?(${NAME})`,
  'g',
);

export function puppetReferences(text: string): FoundReference[] {
  return [...text.matchAll(PUPPET_INTERPOLATION)].map((match) => {
    const [written, negated, testing, ifTrue, ifFalse, converting, toTrue, toFalse, braced, bare] =
      match;
    const picking = testing ?? converting;
    const first = ifTrue ?? toTrue ?? '';
    const second = ifFalse ?? toFalse ?? '';
    const start = match.index ?? 0;
    return {
      start,
      end: start + written.length,
      name: picking ?? braced ?? bare ?? '',
      transforms: [],
      ...(picking !== undefined
        ? {
            choice: {
              test: 'set',
              whenTrue: negated ? second : first,
              whenFalse: negated ? first : second,
            },
          }
        : {}),
    };
  });
}
