import type { SourceText } from '../language.js';
/** Where Puppet puts a template: a `file` whose `content` (or `source`) is `template()` or `epp()`. */

const MANIFEST = /\.pp$/i;
const FILE_FROM_TEMPLATE =
  /\bfile\s*\{\s*['"](\/[^'"$]+)['"]\s*:[^}]*?\b(?:content|source)\s*=>\s*(?:template|epp)\(\s*['"]([^'"]+)['"]/g;

/** Keyed by `module/template.erb`, as `template()` names it. */
export function puppetDestinations(files: readonly SourceText[], into: Map<string, string>): void {
  for (const file of files) {
    if (!MANIFEST.test(file.path)) continue;
    for (const [, destination, template] of file.content.matchAll(FILE_FROM_TEMPLATE))
      if (destination && template) into.set(template, destination);
  }
}
