/**
 * The templates a Puppet manifest renders, read from its text before anything is parsed: each
 * `template('ssh/sshd_config.erb')` or `epp('ssh/banner.epp')`, the class or defined type that
 * calls it, and the file it writes where a `file` resource names a literal path.
 *
 * Puppet evaluates a template in the scope of the class that calls it, so `@port` in
 * `sshd_config.erb`, called from class `ssh::server`, is that class's `$port`, which Hiera sets
 * as `ssh::server::port`. A template of the caller's own module lies in the `templates/` folder
 * beside the caller's `manifests/`, whatever the module's folder is called (a module repository
 * checked out as `puppet-ssh`, or at the root of the run).
 */
import type { SourceText } from '../language.js';

export interface TemplateCall {
  /** as `template()` names it: `ssh/sshd_config.erb` */
  name: string;
  /** the template's path in the run, for a template of the caller's own module */
  path?: string;
  /** the class or defined type the call is in */
  caller?: { kind: 'class' | 'define'; name: string };
  /** where a `file` resource with a literal path puts it */
  destination?: string;
}

const MANIFEST = /^(?:(.*)\/)?manifests\/.+\.pp$/i;
/** A class or defined type, at the start of a line: `class ssh::server (`, `define ssh::key {`. */
const DEFINITION = /^[ \t]*(class|define)[ \t]+(?:::)?([a-z][a-z0-9_]*(?:::[a-z][a-z0-9_]*)*)\b/gm;
/** `template('ssh/sshd_config.erb')`, `epp("ssh/banner.epp", ...)`: the first, literal name. */
const TEMPLATE_CALL = /\b(?:template|epp)\(\s*['"]([a-z][a-z0-9_]*)\/([^'"$]+)['"]/dg;
const FILE_FROM_TEMPLATE =
  /\bfile\s*\{\s*['"](\/[^'"$]+)['"]\s*:[^}]*?\b(?:content|source)\s*=>\s*(?:template|epp)\(\s*['"]([^'"]+)['"]/dg;

export function templateCalls(file: SourceText): TemplateCall[] {
  const manifest = MANIFEST.exec(file.path);
  if (!manifest) return [];
  const moduleFolder = manifest[1] === undefined ? '' : `${manifest[1]}/`;
  const definitions = [...file.content.matchAll(DEFINITION)];
  /** by where the template's name starts */
  const destinations = new Map<number, string>();
  for (const found of file.content.matchAll(FILE_FROM_TEMPLATE)) {
    const destination = found[1];
    const nameStart = found.indices?.[2]?.[0];
    if (destination && nameStart !== undefined) destinations.set(nameStart, destination);
  }
  const calls: TemplateCall[] = [];
  for (const call of file.content.matchAll(TEMPLATE_CALL)) {
    const [, module = '', inside = ''] = call;
    const caller = enclosing(definitions, call.index ?? 0);
    const ownModule = caller?.name.split('::')[0] === module;
    const nameStart = call.indices?.[1]?.[0];
    const destination = nameStart === undefined ? undefined : destinations.get(nameStart);
    calls.push({
      name: `${module}/${inside}`,
      ...(ownModule ? { path: `${moduleFolder}templates/${inside}` } : {}),
      ...(caller ? { caller } : {}),
      ...(destination ? { destination } : {}),
    });
  }
  return calls;
}

/** The class or defined type a call belongs to: the last to start before it (one per manifest, as a rule). */
function enclosing(
  definitions: readonly RegExpMatchArray[],
  offset: number,
): TemplateCall['caller'] {
  let found: RegExpMatchArray | undefined;
  for (const definition of definitions) {
    if ((definition.index ?? 0) > offset) break;
    found = definition;
  }
  const [, kind, name] = found ?? [];
  return (kind === 'class' || kind === 'define') && name ? { kind, name } : undefined;
}
