/**
 * The configuration files Posture reads, how it recognises each (the file's name with the
 * template extension taken off, or the folder it sits in; the destination a task or resource
 * writes it to) and which reader family reads its lines. Most are files the code deploys onto
 * hosts; a tool's own settings (`ansible.cfg`) are read wherever the repository keeps them.
 */
import type { ConfigFormat } from '../../model/model.js';
import { ACCOUNT_FORMATS } from './families/accounts.js';
import { AUTOMATION_FORMATS } from './families/automation.js';
import { BOOT_FORMATS } from './families/boot.js';
import { CONTAINER_FORMATS } from './families/containers.js';
import { DATA_FORMATS } from './families/data.js';
import { LOGGING_FORMATS } from './families/logging.js';
import { SSH_FORMATS } from './families/ssh.js';
import { SYSTEM_FORMATS } from './families/system.js';
import { UPDATE_FORMATS } from './families/updates.js';
import { WEB_FORMATS } from './families/web.js';
import type { FormatSpec } from './format-spec.js';

export type { FormatSpec };

export const FORMATS: readonly FormatSpec[] = [
  ...SSH_FORMATS,
  ...SYSTEM_FORMATS,
  ...ACCOUNT_FORMATS,
  ...WEB_FORMATS,
  ...DATA_FORMATS,
  ...CONTAINER_FORMATS,
  ...AUTOMATION_FORMATS,
  ...LOGGING_FORMATS,
  ...BOOT_FORMATS,
  ...UPDATE_FORMATS,
];

/** The template extensions a deployed file's name carries in the repository. */
export const TEMPLATE_EXTENSION = /\.(j2|jinja2?|erb|epp)$/i;

/**
 * Answers already worked out, by path and by destination: every rule that reads settings asks
 * about the same few paths, and each question tries some forty patterns. Bounded, for the App's
 * long-lived workers.
 */
const byName = new Map<string, FormatSpec | undefined>();
const byDestination = new Map<string, FormatSpec | undefined>();
const REMEMBERED = 10_000;

function remembered(
  answers: Map<string, FormatSpec | undefined>,
  key: string,
  find: (key: string) => FormatSpec | undefined,
): FormatSpec | undefined {
  if (answers.has(key)) return answers.get(key);
  const spec = find(key);
  if (answers.size >= REMEMBERED) answers.clear();
  answers.set(key, spec);
  return spec;
}

/** The format of a file, judged by its own name and folder. */
export function formatByName(path: string): FormatSpec | undefined {
  return remembered(byName, path, findByName);
}

function findByName(path: string): FormatSpec | undefined {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1).replace(TEMPLATE_EXTENSION, '');
  const folder = slash < 0 ? '' : path.slice(0, slash);
  const bare = path.replace(TEMPLATE_EXTENSION, '');
  return FORMATS.find(
    (spec) =>
      spec.name.test(name) ||
      (spec.folder !== undefined && spec.folder.test(folder)) ||
      (spec.path !== undefined && spec.path.test(bare)),
  );
}

/** The format of what lands at a destination on the host. */
export function formatByDestination(destination: string): FormatSpec | undefined {
  return remembered(byDestination, destination, (key) =>
    FORMATS.find((spec) => spec.destination.test(key)),
  );
}

export function formatSpec(format: ConfigFormat): FormatSpec {
  const spec = FORMATS.find((candidate) => candidate.format === format);
  if (!spec) throw new Error(`unknown configuration format ${format}`);
  return spec;
}

/** Folders whose files a role, module or cookbook copies or renders onto the host. */
const DEPLOYED_FOLDER = /(^|\/)(templates|files)\//;

/** A template (`.j2`, `.erb`, `.epp`) or a file under `templates/` or `files/`. */
export function isDeployedFile(path: string): boolean {
  return TEMPLATE_EXTENSION.test(path) || DEPLOYED_FOLDER.test(path);
}

/**
 * The format of a configuration file kept in the repository to be deployed, named as the
 * format's files are named, or deployed where they live on the host (`destination`).
 */
export function deployedConfigFormat(path: string, destination?: string): FormatSpec | undefined {
  if (!isDeployedFile(path)) return undefined;
  return formatByName(path) ?? (destination ? formatByDestination(destination) : undefined);
}

/**
 * A configuration-management tool's own settings file, kept in the repository where the tool
 * reads it (`ansible.cfg` beside the playbooks) rather than deployed by a role.
 */
export function toolConfigFormat(path: string): FormatSpec | undefined {
  if (isDeployedFile(path)) return undefined;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return FORMATS.find((spec) => spec.tool !== undefined && spec.name.test(name));
}

/** The format a file is read in as configuration: one the code deploys, or a tool's own settings. */
export function configFormatOf(path: string, destination?: string): FormatSpec | undefined {
  return deployedConfigFormat(path, destination) ?? toolConfigFormat(path);
}
