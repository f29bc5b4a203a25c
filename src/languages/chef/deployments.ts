import type { SourceText } from '../language.js';
/**
 * Where Chef puts a template: a `template '/etc/x' do ... end` resource, its `source` (or, when
 * it names none, the destination's own file name, as Chef looks it up).
 */

const RUBY_FILE = /\.rb$/i;
/** `template '/etc/ssh/sshd_config' do`: a template resource with a literal path. */
const TEMPLATE_START = /\btemplate\s*\(?\s*['"](\/[^'"#]+)['"]\s*\)?\s*do\b/g;
/** The `end` of a block, at the start of a line. */
const BLOCK_END = /^\s*end\b/gm;
const SOURCE = /\bsource\s*\(?\s*['"]([^'"]+)['"]/;

export function chefDestinations(files: readonly SourceText[], into: Map<string, string>): void {
  for (const file of files) {
    if (!RUBY_FILE.test(file.path)) continue;
    for (const { destination, body } of templateResources(file.content)) {
      const source = SOURCE.exec(body)?.[1] ?? baseName(destination);
      if (source) into.set(baseName(source), destination);
    }
  }
}

/**
 * Each template resource's destination and body: up to the first `end` at the start of a line,
 * never past the next template resource, found with one moving position so that text with
 * blocks left open is still read in one pass. A resource with no `end` after it has no body.
 */
function templateResources(content: string): Array<{ destination: string; body: string }> {
  const starts = [...content.matchAll(TEMPLATE_START)];
  const found: Array<{ destination: string; body: string }> = [];
  /** the first `end` at or after the body being read; -1 once none is left */
  let end = -2;
  starts.forEach((start, index) => {
    const destination = start[1];
    const bodyStart = (start.index ?? 0) + start[0].length;
    if (end !== -1 && end < bodyStart) {
      BLOCK_END.lastIndex = bodyStart;
      end = BLOCK_END.exec(content)?.index ?? -1;
    }
    if (!destination || end < 0) return;
    const bodyEnd = Math.min(end, starts[index + 1]?.index ?? content.length);
    found.push({ destination, body: content.slice(bodyStart, bodyEnd) });
  });
  return found;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
