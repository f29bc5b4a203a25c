/**
 * What a YAML file is, asking each language in turn: its path conventions decide first
 * (`roles/x/tasks/`, `hieradata/`); otherwise the content does (plays that name hosts, keys that
 * name Puppet class parameters). Files that another tool owns (CI, compose, Kubernetes,
 * Molecule) and hidden files are never read by their content.
 */
import type { Recognition } from '../languages/language.js';
import { DESCRIPTORS } from '../languages/index.js';
import { listed } from '../shared/listed.js';
import { otherYamlByContent, otherYamlByPath } from '../languages/other-yaml.js';
import { outlineYaml, type YamlOutline } from '../parsers/yaml/outline.js';

/** `.aar_doc.yml`, `.sync.yml`: tools keep their settings in hidden files. */
const HIDDEN_FILE = /(^|\/)\.[^/]+$/;

export function recogniseYaml(path: string, content: string): Recognition {
  const byPath = otherYamlByPath(path);
  if (byPath) return leftAlone(`${byPath.name}, not configuration code Posture reads`);
  let outline: YamlOutline | undefined;
  const outlineOf = (): YamlOutline => (outline ??= outlineYaml(content));
  for (const { recognition } of DESCRIPTORS) {
    const found = recognition.yamlByPath?.(path, content, outlineOf);
    if (found) return found;
  }
  if (HIDDEN_FILE.test(path))
    return leftAlone('a hidden file, which holds tool settings rather than configuration code');
  const byContent = otherYamlByContent(outlineOf());
  if (byContent) return leftAlone(`${byContent.name}, not configuration code Posture reads`);
  for (const { recognition } of DESCRIPTORS) {
    const found = recognition.yamlByContent?.(outlineOf(), path);
    if (found) return found;
  }
  return leftAlone(unreadYaml());
}

/** `YAML that is no playbook, task list, Ansible vars or Hiera data: no play names hosts, …` */
function unreadYaml(): string {
  const kinds = DESCRIPTORS.flatMap(({ recognition }) => recognition.yamlKinds ?? []);
  const evidence = DESCRIPTORS.flatMap(({ recognition }) => recognition.yamlEvidence ?? []);
  return `YAML that is no ${listed(kinds)}${evidence.length > 0 ? `: ${evidence.join('; ')}` : ''}`;
}

/** YAML left alone is read, when the caller insists, in the language whose extension it has. */
function leftAlone(reason: string): Recognition {
  const owner = DESCRIPTORS.find((descriptor) => descriptor.extensions.includes('.yml'));
  return { language: undefined, reason, ...(owner ? { forceAs: owner.id } : {}) };
}
