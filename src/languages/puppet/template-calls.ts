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
  /** the template's path in the run, for a template of the caller's own module (a manifest's) */
  path?: string;
  /** the class or defined type the call is in */
  caller?: { kind: 'class' | 'define'; name: string };
  /** where a `file` resource with a literal path puts it */
  destination?: string;
}

const PUPPET_FILE = /\.pp$/i;
/** A module's manifest; the folder before `manifests/` is the module's. */
export const MODULE_MANIFEST = /^(?:(.*)\/)?manifests\/.+\.pp$/i;
/** A class or defined type, at the start of a line: `class ssh::server (`, `define ssh::key {`. */
const DEFINITION = /^[ \t]*(class|define)[ \t]+(?:::)?([a-z][a-z0-9_]*(?:::[a-z][a-z0-9_]*)*)\b/gm;
/** `template('ssh/sshd_config.erb')`, `epp("ssh/banner.epp", ...)`: the first, literal name. */
const TEMPLATE_CALL = /\b(?:template|epp)\(\s*['"]([a-z][a-z0-9_]*)\/([^'"$]+)['"]/dg;
/**
 * `file { '/etc/ssh/sshd_config':`, a file resource whose folder is written as it stands; its
 * name may be computed, as a defined type names each instance's file
 * (`"/etc/sudoers.d/${title}"`).
 */
const FILE_WITH_PATH = /\bfile\s*\{\s*['"](\/(?:[^'"$/]+\/)*[^'"/]+)['"]\s*:/g;
/** The same for a fragment of a file (puppetlabs-concat), whose path its `target` gives. */
const FRAGMENT = /\bconcat::fragment\s*\{\s*(?:'[^']*'|"[^"]*")\s*:/g;
const FRAGMENT_TARGET = /\btarget\s*=>\s*['"](\/(?:[^'"$/]+\/)*[^'"/]+)['"]/;
/** Its `content` or `source`, from a template. */
const FROM_TEMPLATE = /\b(?:content|source)\s*=>\s*(?:template|epp)\(\s*['"]([^'"]+)['"]/d;

/** Asked once for destinations and once for renderers: read once per file of a run. */
const read = new WeakMap<SourceText, readonly TemplateCall[]>();

export function templateCalls(file: SourceText): readonly TemplateCall[] {
  let calls = read.get(file);
  if (!calls) read.set(file, (calls = readTemplateCalls(file)));
  return calls;
}

function readTemplateCalls(file: SourceText): TemplateCall[] {
  // Most manifests render no template.
  if (
    !PUPPET_FILE.test(file.path) ||
    !(file.content.includes('template(') || file.content.includes('epp('))
  )
    return [];
  // Where a template of the caller's own module lies is known only in a module's layout;
  // elsewhere (`site.pp`), a call still says where a `file` resource puts the template.
  const moduleFolder = moduleFolderOf(file.path);
  const definitions = [...file.content.matchAll(DEFINITION)];
  const destinations = fileDestinations(file.content);
  const calls: TemplateCall[] = [];
  // Calls come in order: the definition each is in only moves forward.
  let next = 0;
  let current: RegExpMatchArray | undefined;
  for (const call of file.content.matchAll(TEMPLATE_CALL)) {
    const [, module = '', inside = ''] = call;
    while (next < definitions.length && (definitions[next]?.index ?? 0) < (call.index ?? 0))
      current = definitions[next++];
    const caller = callerOf(current);
    const ownModule = moduleFolder !== undefined && caller?.name.split('::')[0] === module;
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

/**
 * The folder of the module whose manifest `path` is (`modules/puppet-ssh/`, `''` for a module at
 * the root of the run); undefined for a manifest outside a module's layout (`site.pp`).
 */
export function moduleFolderOf(path: string): string | undefined {
  const manifest = MODULE_MANIFEST.exec(path);
  return manifest ? (manifest[1] === undefined ? '' : `${manifest[1]}/`) : undefined;
}

/** The module of the first class or defined type a manifest holds: `ssh` for `ssh::server`. */
export function definedModule(content: string): string | undefined {
  const [first] = content.matchAll(DEFINITION);
  return first?.[2]?.split('::')[0];
}

/**
 * The class or defined type a call is in: the last to start before it (a manifest holds one, as
 * a rule).
 */
function callerOf(definition: RegExpMatchArray | undefined): TemplateCall['caller'] {
  const [, kind, name] = definition ?? [];
  return (kind === 'class' || kind === 'define') && name ? { kind, name } : undefined;
}

/** A `file` resource with a literal path: where it puts its file, and its body. */
export interface FileResource {
  destination: string;
  /** where the body starts in the manifest */
  bodyStart: number;
  body: string;
}

/**
 * The `file` resources with a literal path, and the `concat::fragment` resources with a literal
 * `target`: each body up to its first `}`, and never past the next such resource, so that text
 * with unclosed braces is still read in one pass.
 */
export function fileResources(content: string): FileResource[] {
  const found: FileResource[] = [];
  const resources = [
    ...content.matchAll(FILE_WITH_PATH),
    ...(content.includes('concat::fragment') ? content.matchAll(FRAGMENT) : []),
  ].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  /** the first `}` at or after the body being read; -1 once none is left */
  let brace = -2;
  resources.forEach((resource, index) => {
    const bodyStart = (resource.index ?? 0) + resource[0].length;
    const nextResource = resources[index + 1]?.index ?? content.length;
    if (brace !== -1 && brace < bodyStart) brace = content.indexOf('}', bodyStart);
    const bodyEnd = brace < 0 ? nextResource : Math.min(brace, nextResource);
    const body = content.slice(bodyStart, bodyEnd);
    const destination = resource[1] ?? FRAGMENT_TARGET.exec(body)?.[1];
    if (destination) found.push({ destination, bodyStart, body });
  });
  return found;
}

/** Destinations by where the template's name starts, from the `file` resources with a literal path. */
function fileDestinations(content: string): Map<number, string> {
  const destinations = new Map<number, string>();
  for (const { destination, bodyStart, body } of fileResources(content)) {
    const nameStart = FROM_TEMPLATE.exec(body)?.indices?.[1]?.[0];
    if (nameStart !== undefined) destinations.set(bodyStart + nameStart, destination);
  }
  return destinations;
}
