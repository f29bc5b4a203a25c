/**
 * What the code of a run says about the templates and files it deploys: where each lands on the
 * host (an Ansible `template` task's `dest:`, a Puppet `file` whose `content` is a `template()` or
 * `epp()`, a Chef `template` resource's `source`), and which language deploys the files of a
 * role, module or cookbook folder. A template named `opensshd.conf.j2` is an `sshd_config`
 * because a task writes it to `/etc/ssh/sshd_config`; `templates/vhost.erb` in a repository whose
 * `manifests/` hold Puppet classes is Puppet's.
 *
 * Read from the text of the files, before any is parsed: the patterns are the few ways each
 * language names a template and its destination, and a miss only leaves a file to its name.
 */
import type { Deployment, Language } from './model.js';

export interface SourceText {
  path: string;
  content: string;
}

const DEPLOYED = /^(.*?)(?:^|\/)(templates|files)\/(.+)$/;

const ANSIBLE_TASK = /\.ya?ml$/i;
const ANSIBLE_SRC = /^\s*-?\s*src\s*[:=]\s*['"]?([^'"\s{}]+)['"]?\s*$/;
const ANSIBLE_DEST =
  /^\s*-?\s*(?:dest|path)\s*[:=]\s*['"]?(\/[^'"\s{}]+|\{\{\s*[A-Za-z_]\w*\s*\}\})['"]?\s*$/;
/** `ssh_server_config_file: /etc/ssh/sshd_config`: a variable holding a path, as a destination may name it. */
const ANSIBLE_PATH_VARIABLE = /^\s*([A-Za-z_]\w*)\s*:\s*['"]?(\/[^'"\s{}#]+)['"]?\s*(?:#.*)?$/gm;
const ANSIBLE_FREE_FORM = /\bsrc=['"]?([^'"\s]+)['"]?.*\bdest=['"]?(\/[^'"\s]+)/;
/** Lines apart a task's `src:` and `dest:` may be. */
const TASK_SPAN = 8;

const PUPPET_FILE =
  /\bfile\s*\{\s*['"](\/[^'"$]+)['"]\s*:[^}]*?\b(?:content|source)\s*=>\s*(?:template|epp)\(\s*['"]([^'"]+)['"]/g;
const CHEF_TEMPLATE = /\btemplate\s*\(?\s*['"](\/[^'"#]+)['"]\s*\)?\s*do\b([\s\S]*?)^\s*end\b/gm;
const CHEF_SOURCE = /\bsource\s*\(?\s*['"]([^'"]+)['"]/;

export class Deployments {
  private constructor(
    /** template file name (and Puppet `module/name`) → destination */
    private readonly destinations: ReadonlyMap<string, string>,
    /** folder holding `templates/` or `files/` → language */
    private readonly layouts: ReadonlyMap<string, Language>,
  ) {}

  static none(): Deployments {
    return new Deployments(new Map(), new Map());
  }

  static index(files: readonly SourceText[]): Deployments {
    const destinations = new Map<string, string>();
    const pathVariables = new Map<string, string>();
    for (const file of files)
      if (ANSIBLE_TASK.test(file.path))
        for (const [, name, value] of file.content.matchAll(ANSIBLE_PATH_VARIABLE))
          if (name && value && !pathVariables.has(name)) pathVariables.set(name, value);
    for (const file of files) {
      if (ANSIBLE_TASK.test(file.path))
        ansibleDestinations(file.content, destinations, pathVariables);
      else if (/\.pp$/i.test(file.path)) puppetDestinations(file.content, destinations);
      else if (/\.rb$/i.test(file.path)) chefDestinations(file.content, destinations);
    }
    return new Deployments(destinations, layoutsOf(files.map((file) => file.path)));
  }

  /** What the run's code says of a deployed file; undefined for other files. */
  of(path: string): Deployment | undefined {
    const deployed = DEPLOYED.exec(path);
    if (!deployed) return undefined;
    const [, folder = '', , inside = ''] = deployed;
    const name = inside.slice(inside.lastIndexOf('/') + 1);
    const module = folder.slice(folder.lastIndexOf('/') + 1);
    const destination =
      this.destinations.get(`${module}/${inside}`) ??
      this.destinations.get(inside) ??
      this.destinations.get(name);
    const language = this.layouts.get(folder);
    if (!destination && !language) return undefined;
    return {
      ...(destination ? { destination } : {}),
      ...(language ? { language } : {}),
    };
  }
}

function ansibleDestinations(
  content: string,
  into: Map<string, string>,
  pathVariables: ReadonlyMap<string, string>,
): void {
  if (!content.includes('src')) return;
  const lines = content.split('\n');
  lines.forEach((line, index) => {
    const freeForm = ANSIBLE_FREE_FORM.exec(line);
    if (freeForm?.[1] && freeForm[2]) {
      into.set(baseName(freeForm[1]), freeForm[2]);
      return;
    }
    const source = ANSIBLE_SRC.exec(line)?.[1];
    if (!source) return;
    const near = lines.slice(Math.max(0, index - TASK_SPAN), index + TASK_SPAN + 1);
    const written = near.map((candidate) => ANSIBLE_DEST.exec(candidate)?.[1]).find(Boolean);
    const variable = written ? /^\{\{\s*(\w+)\s*\}\}$/.exec(written)?.[1] : undefined;
    const destination = variable ? pathVariables.get(variable) : written;
    if (destination) into.set(baseName(source), destination);
  });
}

function puppetDestinations(content: string, into: Map<string, string>): void {
  for (const match of content.matchAll(PUPPET_FILE)) {
    const [, destination, template] = match;
    if (destination && template) into.set(template, destination);
  }
}

function chefDestinations(content: string, into: Map<string, string>): void {
  for (const match of content.matchAll(CHEF_TEMPLATE)) {
    const [, destination, body = ''] = match;
    const source = CHEF_SOURCE.exec(body)?.[1] ?? (destination ? baseName(destination) : undefined);
    if (destination && source) into.set(baseName(source), destination);
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** For each folder holding `templates/` or `files/`: Puppet beside `manifests/`, Chef beside `recipes/` or `metadata.rb`, Ansible beside `tasks/`. */
function layoutsOf(paths: readonly string[]): Map<string, Language> {
  const layouts = new Map<string, Language>();
  const signs: Array<[RegExp, Language]> = [
    [/^(.*?)(?:^|\/)manifests\/.+\.pp$/, 'puppet'],
    [/^(.*?)(?:^|\/)(?:recipes\/[^/]+\.rb|metadata\.rb)$/, 'chef'],
    [/^(.*?)(?:^|\/)tasks\/[^/]+\.ya?ml$/, 'ansible'],
  ];
  for (const path of paths)
    for (const [sign, language] of signs) {
      const folder = sign.exec(path)?.[1];
      if (folder !== undefined && !layouts.has(folder)) layouts.set(folder, language);
    }
  return layouts;
}
