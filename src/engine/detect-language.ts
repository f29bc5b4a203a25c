/**
 * Which language a file is written in, from its path first and its content second, and why:
 * a file Posture leaves alone gets a reason a person can act on.
 */
import type { Deployment, Language } from './model.js';
import { isChefCookbookPath } from '../parsers/chef/cookbook-path.js';
import { isTestCookbookFile } from './test-code.js';
import { recogniseYaml } from './recognise-yaml.js';
import { otherYamlByPath } from './other-yaml.js';
import { deployedFileLanguage } from './deployed-language.js';
import { descriptorOf, LANGUAGE_DESCRIPTORS } from '../languages/index.js';
import {
  deployedConfigFormat,
  isDeployedFile,
  toolConfigFormat,
} from '../parsers/config/formats.js';
import { recogniseNamedFile } from './recognise-named.js';

const YAML_FILE = /\.ya?ml$/i;
const PUPPET_MANIFEST = /\.pp$/i;
const RUBY_FILE = /\.rb$/i;

export interface Recognition {
  /** the language Posture reads the file in; undefined when it leaves the file alone */
  language: Language | undefined;
  /** why, in words: `an Ansible task list (it calls modules)`, `a Docker Compose file` */
  reason: string;
  /**
   * For a file left alone: the language it would be read in when the caller insists (the
   * language its extension belongs to), or undefined when no parser reads such a file.
   */
  forceAs?: Language;
}

/**
 * The language Posture reads a file in and why, or why it leaves the file alone. `content` may
 * be the start of the file only.
 */
export function explainRecognition(
  path: string,
  content: string,
  deployment?: Deployment,
): Recognition {
  const config = deployedConfigFormat(path, deployment?.destination);
  if (config) {
    const language = deployment?.language ?? deployedFileLanguage(path, content);
    return language
      ? { language, reason: `${config.label} deployed by ${descriptorOf(language).name} code` }
      : {
          language: undefined,
          reason: `${config.label} outside an Ansible role, a Puppet module or a Chef cookbook, with nothing that says which deploys it`,
          forceAs: 'puppet',
        };
  }
  const settings = toolConfigFormat(path);
  if (settings?.tool)
    return {
      language: settings.tool,
      reason: `${settings.label}, the settings of ${descriptorOf(settings.tool).name} itself`,
    };
  if (PUPPET_MANIFEST.test(path)) return { language: 'puppet', reason: 'a Puppet manifest' };
  if (RUBY_FILE.test(path)) {
    if (isChefCookbookPath(path, content))
      return { language: 'chef', reason: 'Ruby in a Chef cookbook' };
    return {
      language: undefined,
      reason:
        'Ruby outside the folders of a Chef cookbook (recipes/, attributes/, resources/, providers/, libraries/, metadata.rb), or Puppet, test or tool code',
      forceAs: 'chef',
    };
  }
  if (YAML_FILE.test(path)) return recogniseYaml(path, content);
  const named = recogniseNamedFile(path, content);
  if (named) return named;
  return {
    language: undefined,
    reason:
      'not a YAML (.yml, .yaml), Puppet (.pp) or Ruby (.rb) file, nor one read by its name (INI inventory, ansible.cfg, Puppetfile, Berksfile, data bag item)',
  };
}

/**
 * Whether a changed file could be one Posture analyses, judged from the path alone.
 * The GitHub side fetches only these.
 */
export function mayBeAnalysed(path: string): boolean {
  // A template's format may be known only from the task that deploys it.
  if (isDeployedFile(path)) return true;
  if (PUPPET_MANIFEST.test(path)) return true;
  if (Object.values(LANGUAGE_DESCRIPTORS).some((descriptor) => descriptor.namedFiles(path)))
    return true;
  // Cookbooks kept under test folders are test code, read and reported apart.
  if (RUBY_FILE.test(path)) return isChefCookbookPath(path, '') || isTestCookbookFile(path, '');
  return YAML_FILE.test(path) && !otherYamlByPath(path);
}

export function detectLanguage(
  path: string,
  content: string,
  forced?: Language,
  deployment?: Deployment,
): Language | undefined {
  return forced ?? explainRecognition(path, content, deployment).language;
}
