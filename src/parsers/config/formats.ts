/**
 * The configuration files Posture reads, how it recognises each (the file's name with the
 * template extension taken off, or the folder it sits in; the destination a task or resource
 * writes it to) and which reader family reads its lines.
 */
import type { ConfigFormat } from '../../engine/model.js';

/** How the lines of a format are read (`read-directives.ts`). */
export type Syntax =
  /** `Keyword value...`, `Keyword=value`; `Match`/`Host` open a block (OpenSSH) */
  | 'keyword'
  /** `key = value`, `key=value` (sysctl) */
  | 'key-equals'
  /** every line is one rule (sudoers) */
  | 'rule-lines';

export interface FormatSpec {
  format: ConfigFormat;
  /** the daemon or file, for messages */
  label: string;
  syntax: Syntax;
  /** keywords that open a block running to the next one */
  sections?: readonly string[];
  /** the file's name, template extension removed */
  name: RegExp;
  /** folders whose files are all of this format */
  folder?: RegExp;
  /** where it is deployed on the host */
  destination: RegExp;
}

export const FORMATS: readonly FormatSpec[] = [
  {
    format: 'sshd',
    label: 'sshd_config',
    syntax: 'keyword',
    sections: ['Match'],
    name: /(^|[._-])sshd[_-]config([._-][\w.-]*)?$/i,
    folder: /(^|\/)sshd_config\.d$/,
    destination: /^\/etc\/ssh\/sshd_config(\.d\/[^/]+)?$/,
  },
  {
    format: 'ssh',
    label: 'ssh_config',
    syntax: 'keyword',
    sections: ['Host', 'Match'],
    name: /(^|[._-])ssh[_-]config([._-][\w.-]*)?$/i,
    folder: /(^|\/)ssh_config\.d$/,
    destination: /^\/etc\/ssh\/ssh_config(\.d\/[^/]+)?$|\/\.ssh\/config$/,
  },
  {
    format: 'sysctl',
    label: 'sysctl',
    syntax: 'key-equals',
    name: /^([\w.-]*[._-])?sysctl([._-][\w.-]*)?\.conf$/i,
    folder: /(^|\/)sysctl\.d$/,
    destination: /^\/etc\/sysctl\.conf$|^\/(etc|usr\/lib|run)\/sysctl\.d\/[^/]+$/,
  },
  {
    format: 'sudoers',
    label: 'sudoers',
    syntax: 'rule-lines',
    name: /(^|[._-])sudoers([._-][\w.-]*)?$/i,
    folder: /(^|\/)sudoers\.d$/,
    destination: /^\/etc\/sudoers(\.d\/[^/]+)?$/,
  },
];

/** The template extensions a deployed file's name carries in the repository. */
export const TEMPLATE_EXTENSION = /\.(j2|jinja2?|erb|epp)$/i;

/** The format of a file, judged by its own name and folder. */
export function formatByName(path: string): FormatSpec | undefined {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1).replace(TEMPLATE_EXTENSION, '');
  const folder = slash < 0 ? '' : path.slice(0, slash);
  return FORMATS.find(
    (spec) => spec.name.test(name) || (spec.folder !== undefined && spec.folder.test(folder)),
  );
}

/** The format of what lands at a destination on the host. */
export function formatByDestination(destination: string): FormatSpec | undefined {
  return FORMATS.find((spec) => spec.destination.test(destination));
}

export function formatSpec(format: ConfigFormat): FormatSpec {
  const spec = FORMATS.find((candidate) => candidate.format === format);
  if (!spec) throw new Error(`unknown configuration format ${format}`);
  return spec;
}

/** Folders whose files a role, module or cookbook copies or renders onto the host. */
const DEPLOYED_FOLDER = /(^|\/)(templates|files)\//;

/**
 * The format of a configuration file kept in the repository to be deployed: a template
 * (`.j2`, `.erb`, `.epp`) or a file under `templates/` or `files/`, named as the format's files
 * are named.
 */
export function deployedConfigFormat(path: string): FormatSpec | undefined {
  if (!TEMPLATE_EXTENSION.test(path) && !DEPLOYED_FOLDER.test(path)) return undefined;
  return formatByName(path);
}
