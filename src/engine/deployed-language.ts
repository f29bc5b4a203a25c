/**
 * Which language deploys a configuration file kept in the repository, so that its template
 * expressions read that language's variables: by the template's extension or the layout it sits
 * in first (Jinja2 and anything under an Ansible role is Ansible's, EPP Puppet's,
 * `templates/default/` Chef's), then by what the template reads (`node[...]` is Chef,
 * `scope[...]` and `$::x` Puppet). Each descriptor knows its own signs.
 */
import { DESCRIPTORS } from '../languages/index.js';
import type { Language } from '../model/model.js';

export function deployedFileLanguage(path: string, content: string): Language | undefined {
  const byPath = DESCRIPTORS.find((descriptor) => descriptor.templates.ownsByPath(path));
  if (byPath) return byPath.id;
  if (content === '') return undefined;
  return DESCRIPTORS.find((descriptor) => descriptor.templates.ownsByContent(content))?.id;
}
