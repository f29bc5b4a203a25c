import type { SourceText } from '../language.js';
import { SPECIAL_FOLDER } from '../../parsers/ansible/applied-files.js';
/**
 * Where Ansible's `template` and `copy` tasks put their files, read from the task text before
 * anything is parsed: a `src:` with a `dest:` (or `path:`) a few lines away, the free form
 * `src=... dest=...`, or a loop's item that names both (`- { src: x.j2, dest: /etc/x }`). A
 * source may start from `{{ role_path }}` or `{{ playbook_dir }}`. A destination written as
 * `{{ var }}` is followed to a variable holding a path anywhere in the run
 * (`ssh_server_config_file: /etc/ssh/sshd_config`).
 */

const TASK_FILE = /\.ya?ml$/i;
/** A source may be written from the role's or the playbook's folder: `{{ role_path }}/templates/`. */
const FROM_SPECIAL_FOLDER = `(?:${SPECIAL_FOLDER})?`;
const SRC = new RegExp(
  String.raw`^\s*-?\s*src\s*[:=]\s*['"]?${FROM_SPECIAL_FOLDER}([^'"\s{}]+)['"]?\s*$`,
);
const DEST =
  /^\s*-?\s*(?:dest|path)\s*[:=]\s*['"]?(\/[^'"\s{}]+|\{\{\s*[A-Za-z_]\w*\s*\}\})['"]?\s*$/;
const PATH_VARIABLE = /^\s*([A-Za-z_]\w*)\s*:\s*['"]?(\/[^'"\s{}#]+)['"]?\s*(?:#.*)?$/gm;
const FREE_FORM = new RegExp(
  String.raw`\bsrc=['"]?${FROM_SPECIAL_FOLDER}([^'"\s]+)['"]?.*\bdest=['"]?(\/[^'"\s]+)`,
);
/** A loop's item written as a flow mapping: `- { src: sysctl.conf.j2, dest: /etc/sysctl.d/90.conf }`. */
const FLOW_SOURCE = new RegExp(
  String.raw`[{,]\s*src\s*:\s*['"]?${FROM_SPECIAL_FOLDER}([^'"\s,{}]+)['"]?\s*(?=[,}])`,
);
const FLOW_DEST = /[{,]\s*dest\s*:\s*['"]?(\/[^'"\s,{}]+)['"]?\s*(?=[,}])/;
/** Lines apart a task's `src:` and `dest:` may be. */
const TASK_SPAN = 8;

export function ansibleDestinations(files: readonly SourceText[], into: Map<string, string>): void {
  const tasks = files.filter((file) => TASK_FILE.test(file.path));
  const pathVariables = new Map<string, string>();
  for (const file of tasks)
    for (const [, name, value] of file.content.matchAll(PATH_VARIABLE))
      if (name && value && !pathVariables.has(name)) pathVariables.set(name, value);
  for (const file of tasks) destinationsIn(file.content, into, pathVariables);
}

function destinationsIn(
  content: string,
  into: Map<string, string>,
  pathVariables: ReadonlyMap<string, string>,
): void {
  if (!content.includes('src')) return;
  const lines = content.split('\n');
  lines.forEach((line, index) => {
    const freeForm = FREE_FORM.exec(line);
    if (freeForm?.[1] && freeForm[2]) {
      into.set(baseName(freeForm[1]), freeForm[2]);
      return;
    }
    const flowSource = FLOW_SOURCE.exec(line)?.[1];
    const flowDestination = FLOW_DEST.exec(line)?.[1];
    if (flowSource && flowDestination) {
      into.set(baseName(flowSource), flowDestination);
      return;
    }
    const source = SRC.exec(line)?.[1];
    if (!source) return;
    const near = lines.slice(Math.max(0, index - TASK_SPAN), index + TASK_SPAN + 1);
    const written = near.map((candidate) => DEST.exec(candidate)?.[1]).find(Boolean);
    const variable = written ? /^\{\{\s*(\w+)\s*\}\}$/.exec(written)?.[1] : undefined;
    const destination = variable ? pathVariables.get(variable) : written;
    if (destination) into.set(baseName(source), destination);
  });
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
