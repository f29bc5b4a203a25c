/**
 * The files of a module's `files/` folder that a manifest puts on the host as they are, read
 * from its text before anything is parsed: a `file` resource with a literal path whose `source`
 * is `puppet:///modules/ssh/sshd_config` (the first of a list, where Puppet takes the first that
 * exists), or whose `content` is `file('ssh/sshd_config')`. Both name `files/sshd_config` of
 * module `ssh`, wherever the manifest is; a manifest of the module itself also says where that
 * file lies, whatever the module's folder is called (`puppet-ssh/files/sshd_config`).
 */
import type { SourceText } from '../language.js';
import { definedModule, fileResources, moduleFolderOf } from './template-calls.js';

const PUPPET_FILE = /\.pp$/i;
const MODULE_FILE =
  /\bsource\s*=>\s*\[?\s*['"]puppet:\/\/\/modules\/([a-z][a-z0-9_]*\/[^'"$]+)['"]|\bcontent\s*=>\s*file\(\s*['"]([a-z][a-z0-9_]*\/[^'"$]+)['"]/;

/** Destinations by the file's name as the manifest gives it (`ssh/sshd_config`) and by its path. */
export function moduleFileDestinations(file: SourceText, into: Map<string, string>): void {
  const { path, content } = file;
  if (!PUPPET_FILE.test(path) || !(content.includes('puppet:///') || content.includes('file(')))
    return;
  const folder = moduleFolderOf(path);
  const ownModule = folder === undefined ? undefined : definedModule(content);
  for (const { destination, body } of fileResources(content)) {
    const [, source, inline] = MODULE_FILE.exec(body) ?? [];
    const name = source ?? inline;
    if (!name) continue;
    into.set(name, destination);
    const [module, ...inside] = name.split('/');
    if (module === ownModule) into.set(`${folder}files/${inside.join('/')}`, destination);
  }
}
