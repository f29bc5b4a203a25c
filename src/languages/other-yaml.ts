/**
 * YAML that is certainly not configuration code Posture reads: CI definitions, container and
 * Kubernetes manifests, test-kitchen and Molecule scenarios, tool settings. Known by path, or
 * by the keys a format always has at its top level.
 */
import type { YamlOutline } from '../parsers/yaml/outline.js';

export interface OtherYaml {
  /** what the file is, in a few words (`a GitHub Actions workflow`) */
  name: string;
  /** the content is unmistakable even where Ansible's folders say otherwise (a manifest in `roles/`) */
  evenInAnsibleFolders?: boolean;
}

interface PathFormat extends OtherYaml {
  path: RegExp;
}

interface ContentFormat extends OtherYaml {
  /** top-level keys that together identify the format */
  keys: readonly string[];
}

const BY_PATH: readonly PathFormat[] = [
  { name: 'a GitHub Actions workflow or GitHub setting', path: /(^|\/)\.github\// },
  { name: 'a GitLab CI definition', path: /(^|\/)\.gitlab-ci[^/]*(\/|\.ya?ml$)/ },
  { name: 'a CircleCI definition', path: /(^|\/)\.circleci\// },
  { name: 'a Travis CI definition', path: /(^|\/)\.travis[^/]*\.ya?ml$/ },
  {
    name: 'a Docker Compose file',
    path: /(^|\/)(docker-compose[^/]*|compose)\.ya?ml$|(^|\/)compose\//,
  },
  { name: 'a Helm chart', path: /(^|\/)charts\// },
  { name: 'a template, rendered before it is used', path: /(^|\/)templates\// },
  { name: 'a file a role copies to hosts as it is', path: /(^|\/)roles\/[^/]+\/files\// },
  { name: 'a Hiera configuration (not Hiera data)', path: /(^|\/)hiera\.ya?ml$/ },
  { name: "Posture's own policy", path: /(^|\/)\.security\.ya?ml$/ },
  { name: 'a test-kitchen definition', path: /(^|\/)\.?kitchen[^/]*\.ya?ml$/ },
  {
    name: 'a tool setting (linters, pre-commit, documentation, coverage)',
    path: /(^|\/)(\.yamllint|\.ansible-lint|\.pre-commit-config|mkdocs|codecov|\.rubocop[^/]*|\.markdownlint[^/]*|\.overcommit|lefthook|\.gitpod)\.ya?ml$/,
  },
];

const BY_CONTENT: readonly ContentFormat[] = [
  {
    name: 'a Kubernetes or other typed manifest',
    keys: ['apiVersion', 'kind'],
    evenInAnsibleFolders: true,
  },
  { name: 'a Docker Compose file', keys: ['services'] },
  { name: 'a GitHub Actions workflow', keys: ['on', 'jobs'] },
  { name: 'a CI pipeline', keys: ['stages'] },
  { name: 'a CI pipeline', keys: ['steps'] },
  { name: 'a Molecule or test-kitchen scenario', keys: ['driver', 'platforms'] },
  { name: 'a test-kitchen definition', keys: ['driver', 'suites'] },
  { name: 'an Ansible Galaxy collection manifest', keys: ['namespace', 'authors'] },
  { name: 'an Ansible Galaxy requirements file', keys: ['collections'] },
  { name: 'a Hiera configuration (not Hiera data)', keys: ['hierarchy'] },
  { name: 'an OpenAPI definition', keys: ['openapi'] },
  { name: 'a CloudFormation template', keys: ['AWSTemplateFormatVersion'] },
  { name: 'a CloudFormation template', keys: ['Resources'] },
  { name: 'an InSpec profile', keys: ['supports', 'maintainer'] },
];

/** cloud-init user data announces itself on its first line. */
const CLOUD_CONFIG = /^#\s*cloud-config\b/;

export function otherYamlByPath(path: string): OtherYaml | undefined {
  return BY_PATH.find((format) => format.path.test(path));
}

export function otherYamlByContent(outline: YamlOutline): OtherYaml | undefined {
  if (outline.firstComment && CLOUD_CONFIG.test(outline.firstComment))
    return { name: 'cloud-init user data' };
  if (outline.shape !== 'mapping') return undefined;
  const keys = new Set(outline.keys);
  return BY_CONTENT.find((format) => format.keys.every((key) => keys.has(key)));
}

const UNMISTAKABLE = BY_CONTENT.filter((format) => format.evenInAnsibleFolders);

/**
 * YAML whose content is another format even where Ansible's folders hold it (a manifest in
 * `roles/`). The outline, a read of every line, is asked for only when the text names every
 * top-level key of such a format: most files of those folders never do.
 */
export function unmistakablyOtherYaml(
  content: string,
  outline: () => YamlOutline,
): OtherYaml | undefined {
  if (!UNMISTAKABLE.some((format) => format.keys.every((key) => content.includes(key))))
    return undefined;
  const typed = otherYamlByContent(outline());
  return typed?.evenInAnsibleFolders ? typed : undefined;
}
