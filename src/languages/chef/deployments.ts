import type { SourceText } from '../language.js';
/**
 * Where Chef puts a template or a cookbook file: a `template '/etc/x' do ... end` resource, or a
 * `cookbook_file` one, and its `source`. When it names none, Chef looks the file up by the
 * destination's own name: `x.erb` in `templates/` for a template, `x` in `files/` for a cookbook
 * file.
 */

const RUBY_FILE = /\.rb$/i;
/** `template '/etc/ssh/sshd_config' do`: a template or cookbook file resource with a literal path. */
const RESOURCE_START = /\b(template|cookbook_file)\s*\(?\s*['"](\/[^'"#]+)['"]\s*\)?\s*do\b/g;
/** The `end` of a block, at the start of a line. */
const BLOCK_END = /^\s*end\b/gm;
const SOURCE = /\bsource\s*\(?\s*['"]([^'"]+)['"]/;

export function chefDestinations(files: readonly SourceText[], into: Map<string, string>): void {
  for (const file of files) {
    if (!RUBY_FILE.test(file.path)) continue;
    for (const { type, destination, body } of deployingResources(file.content)) {
      const byDefault =
        type === 'template' ? `${baseName(destination)}.erb` : baseName(destination);
      const source = SOURCE.exec(body)?.[1] ?? byDefault;
      if (source) into.set(baseName(source), destination);
    }
  }
}

interface DeployingResource {
  type: string;
  destination: string;
  body: string;
}

/**
 * Each template or cookbook file resource's type, destination and body: up to the first `end` at
 * the start of a line, never past the next such resource, found with one moving position so that
 * text with blocks left open is still read in one pass. A resource with no `end` after it has no
 * body.
 */
function deployingResources(content: string): DeployingResource[] {
  const starts = [...content.matchAll(RESOURCE_START)];
  const found: DeployingResource[] = [];
  /** the first `end` at or after the body being read; -1 once none is left */
  let end = -2;
  starts.forEach((start, index) => {
    const [, type, destination] = start;
    const bodyStart = (start.index ?? 0) + start[0].length;
    if (end !== -1 && end < bodyStart) {
      BLOCK_END.lastIndex = bodyStart;
      end = BLOCK_END.exec(content)?.index ?? -1;
    }
    if (!type || !destination || end < 0) return;
    const bodyEnd = Math.min(end, starts[index + 1]?.index ?? content.length);
    found.push({ type, destination, body: content.slice(bodyStart, bodyEnd) });
  });
  return found;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
