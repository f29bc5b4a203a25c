/**
 * What the code of a run says about the templates and files it deploys: where each lands on the
 * host (an Ansible `template` task's `dest:`, a Puppet `file` whose `content` is a `template()` or
 * `epp()`, a Chef `template` resource's `source`), and which language deploys the files of a
 * role, module or cookbook folder. A template named `opensshd.conf.j2` is an `sshd_config`
 * because a task writes it to `/etc/ssh/sshd_config`; `templates/vhost.erb` in a repository whose
 * `manifests/` hold Puppet classes is Puppet's, and read in the scope of the class that calls
 * `template('apache/vhost.erb')`.
 *
 * Read from the text of the files, before any is parsed: each language's descriptor knows the
 * few ways its code names a template and its destination, and a miss only leaves a file to its
 * name.
 */
import { DESCRIPTORS } from '../languages/index.js';
import type { SourceText, TemplateRenderer } from '../languages/language.js';
import type { Deployment, Language } from '../model/model.js';

const DEPLOYED = /^(.*?)(?:^|\/)(templates|files)\/(.+)$/;

export class Deployments {
  private constructor(
    /** template file name (and Puppet `module/name`, or a template's path) → destination */
    private readonly destinations: ReadonlyMap<string, string>,
    /** the same keys → the language whose code names the file */
    private readonly deployers: ReadonlyMap<string, Language>,
    /** folder holding `templates/` or `files/` → language */
    private readonly layouts: ReadonlyMap<string, Language>,
    /** template path → the scope it is rendered in, and its file; `null` for several */
    private readonly renderers: ReadonlyMap<string, TemplateRenderer | null>,
  ) {}

  static none(): Deployments {
    return new Deployments(new Map(), new Map(), new Map(), new Map());
  }

  static index(files: readonly SourceText[]): Deployments {
    const destinations = new Map<string, string>();
    const deployers = new Map<string, Language>();
    const renderers = new Map<string, TemplateRenderer | null>();
    for (const { id, templates } of DESCRIPTORS) {
      const own = new Map<string, string>();
      templates.destinations(files, own);
      for (const [key, destination] of own) {
        destinations.set(key, destination);
        deployers.set(key, id);
      }
      templates.renderers?.(files, renderers);
    }
    const layouts = layoutsOf(files.map((file) => file.path));
    return new Deployments(destinations, deployers, layouts, renderers);
  }

  /** What the run's code says of a deployed file; undefined for other files. */
  of(path: string): Deployment | undefined {
    const deployed = DEPLOYED.exec(path);
    if (!deployed) return undefined;
    const [, folder = '', , inside = ''] = deployed;
    const name = inside.slice(inside.lastIndexOf('/') + 1);
    const module = folder.slice(folder.lastIndexOf('/') + 1);
    const key = [path, `${module}/${inside}`, inside, name].find((candidate) =>
      this.destinations.has(candidate),
    );
    const destination = key === undefined ? undefined : this.destinations.get(key);
    // Beside no code that says whose it is (a playbook's own `files/`): the code that deploys it.
    const language =
      this.layouts.get(folder) ?? (key === undefined ? undefined : this.deployers.get(key));
    const renderer = this.renderers.get(path);
    if (!destination && !language && renderer === undefined) return undefined;
    return {
      ...(destination ? { destination } : {}),
      ...(language ? { language } : {}),
      ...(renderer === null ? { scope: null } : {}),
      ...(renderer ? { scope: renderer.scope, renderedBy: renderer.path } : {}),
    };
  }
}

/**
 * For the paths of a tree, the language whose code sits beside the `templates/` or `files/`
 * folder a path is in (`templates/vhost.erb` beside `manifests/` is Puppet's); judged from paths
 * alone, for a review that has not read the files yet.
 */
export function languageByLayout(paths: readonly string[]): (path: string) => Language | undefined {
  const layouts = layoutsOf(paths);
  return (path) => {
    const folder = DEPLOYED.exec(path)?.[1];
    return folder === undefined ? undefined : layouts.get(folder);
  };
}

/**
 * For each folder holding `templates/` or `files/`, the language whose code sits beside them:
 * Puppet beside `manifests/`, Chef beside `recipes/` or `metadata.rb`, Ansible beside `tasks/`.
 */
function layoutsOf(paths: readonly string[]): Map<string, Language> {
  const layouts = new Map<string, Language>();
  for (const path of paths)
    for (const { id, templates } of DESCRIPTORS) {
      const folder = templates.layoutSign.exec(path)?.[1];
      if (folder !== undefined && !layouts.has(folder)) layouts.set(folder, id);
    }
  return layouts;
}
