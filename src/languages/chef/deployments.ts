import type { SourceText } from '../language.js';
/**
 * Where Chef puts a template: a `template '/etc/x' do ... end` resource, its `source` (or, when
 * it names none, the destination's own file name, as Chef looks it up).
 */

const RUBY_FILE = /\.rb$/i;
const TEMPLATE = /\btemplate\s*\(?\s*['"](\/[^'"#]+)['"]\s*\)?\s*do\b([\s\S]*?)^\s*end\b/gm;
const SOURCE = /\bsource\s*\(?\s*['"]([^'"]+)['"]/;

export function chefDestinations(files: readonly SourceText[], into: Map<string, string>): void {
  for (const file of files) {
    if (!RUBY_FILE.test(file.path)) continue;
    for (const [, destination, body = ''] of file.content.matchAll(TEMPLATE)) {
      const source = SOURCE.exec(body)?.[1] ?? (destination ? baseName(destination) : undefined);
      if (destination && source) into.set(baseName(source), destination);
    }
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
