/**
 * How Chef strings read variables: Ruby interpolations of node attributes, properties, locals
 * and a template's variables (`"#{node['app']['port']}"`, `"#{new_resource.bind}"`, ERB's
 * `<%= @port %>`), named `node.app.port`, `new_resource.bind`, `@port`.
 */
import type { FoundReference } from '../language.js';

const RUBY_INTERPOLATION =
  /#\{\s*(node((?:\[\s*['":]?[\w-]+['"]?\s*\])+)|new_resource\.\w+|@?[a-z_]\w*)\s*\}/g;

export function rubyReferences(text: string): FoundReference[] {
  return [...text.matchAll(RUBY_INTERPOLATION)].map((match) => {
    const start = match.index ?? 0;
    const keys = match[2];
    const name = keys
      ? `node${keys.replace(/\[\s*['":]?([\w-]+)['"]?\s*\]/g, '.$1')}`
      : (match[1] ?? '');
    return { start, end: start + match[0].length, name, transforms: [] };
  });
}
