/**
 * How Chef strings read variables: Ruby interpolations of node attributes, properties, locals
 * and a template's variables (`"#{node['app']['port']}"`, `"#{new_resource.bind}"`, ERB's
 * `<%= @port %>`), named `node.app.port`, `new_resource.bind`, `@port`; and the ternary
 * templates pick a setting by (`<%= @single ? '/sbin/sulogin' : '/sbin/sushell' %>`), which
 * gives the first literal for any value but `nil` and `false`, and never the variable's own.
 */
import type { FoundReference } from '../language.js';

/** A literal string with nothing interpolated in it. */
const LITERAL = `'([^'\\\\]*)'|"([^"\\\\#]*)"`;

const RUBY_INTERPOLATION = new RegExp(
  String.raw`#\{\s*(!\s*)?(node((?:\[\s*['":]?[\w-]+['"]?\s*\])+)|new_resource\.\w+|@?[a-z_]\w*)` +
    String.raw`\s*(?:\s\?\s*(?:${LITERAL})\s*:\s*(?:${LITERAL})\s*)?\}`,
  'g',
);

export function rubyReferences(text: string): FoundReference[] {
  const found: FoundReference[] = [];
  for (const match of text.matchAll(RUBY_INTERPOLATION)) {
    const [written, negated, variable = '', keys] = match;
    const whenTrue = match[4] ?? match[5];
    const whenFalse = match[6] ?? match[7];
    const picks = whenTrue !== undefined && whenFalse !== undefined;
    // `!x` alone is true or false, not what the variable holds.
    if (negated && !picks) continue;
    const start = match.index ?? 0;
    const name = keys ? `node${keys.replace(/\[\s*['":]?([\w-]+)['"]?\s*\]/g, '.$1')}` : variable;
    found.push({
      start,
      end: start + written.length,
      name,
      transforms: [],
      ...(picks
        ? {
            choice: {
              test: 'set',
              whenTrue: negated ? whenFalse : whenTrue,
              whenFalse: negated ? whenTrue : whenFalse,
            },
          }
        : {}),
    });
  }
  return found;
}
