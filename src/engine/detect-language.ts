/**
 * Which language a file is written in, from its path first and its content second, and why:
 * a file Posture leaves alone gets a reason a person can act on.
 */
import type { Deployment, Language } from '../model/model.js';
import { recogniseYaml } from './recognise-yaml.js';
import { deployedFileLanguage } from './deployed-language.js';
import { DESCRIPTORS, descriptorOf } from '../languages/index.js';
import type { PathClaim, Recognition } from '../languages/language.js';
import { listed } from '../shared/listed.js';
import { templateSyntax } from '../parsers/config/parse-config.js';
import {
  deployedConfigFormat,
  isDeployedFile,
  TEMPLATE_EXTENSION,
  toolConfigFormat,
} from '../parsers/config/formats.js';

const YAML_FILE = /\.ya?ml$/i;

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
          reason: `${config.label} outside ${listed(DESCRIPTORS.map((descriptor) => descriptor.unitDescription))}, with nothing that says which deploys it`,
          ...readerOfTemplates(path),
        };
  }
  const settings = toolConfigFormat(path);
  if (settings?.tool)
    return {
      language: settings.tool,
      reason: `${settings.label}, the settings of ${descriptorOf(settings.tool).name} itself`,
    };
  if (YAML_FILE.test(path)) return recogniseYaml(path, content);
  for (const { recognition } of DESCRIPTORS) {
    const found = recognition.file?.(path, content);
    if (found === 'yaml') return recogniseYaml(path, content);
    if (found) return found;
  }
  return { language: undefined, reason: unreadFile() };
}

/** `not a YAML (.yml, .yaml), Puppet (.pp) or Ruby (.rb) file, nor one read by its name (…)` */
function unreadFile(): string {
  const files = listed(DESCRIPTORS.map((descriptor) => descriptor.filesDescription));
  const named = DESCRIPTORS.map((descriptor) => descriptor.namedFilesDescription).join(', ');
  return `not a ${files} file, nor one read by its name (${named})`;
}

/** The first language whose templates are written in the file's syntax, for `--lang`. */
function readerOfTemplates(path: string): Pick<Recognition, 'forceAs'> {
  const syntax = templateSyntax(path);
  const reader = DESCRIPTORS.find((descriptor) => descriptor.templates.syntaxes.includes(syntax));
  return reader ? { forceAs: reader.id } : {};
}

/**
 * Whether a changed file could be one Posture analyses, judged from the path alone.
 * The GitHub side fetches only these.
 */
export function mayBeAnalysed(path: string): boolean {
  // A template's format may be known only from the task that deploys it.
  if (isDeployedFile(path)) return true;
  return DESCRIPTORS.some(({ recognition }) => recognition.mayBeAnalysed(path));
}

/**
 * Whether Posture analyses a file for its name or place alone: a file one of its languages
 * reads by its path, and among the templates and files a unit deploys, the templates and the
 * files named as a configuration format it reads. Anything else a role or cookbook ships (an
 * image, an archive) is read only when code is seen deploying it somewhere Posture knows, and
 * a binary one never is.
 */
export function analysedByPath(path: string): boolean {
  if (!mayBeAnalysed(path)) return false;
  if (!isDeployedFile(path)) return true;
  return (
    TEMPLATE_EXTENSION.test(path) ||
    deployedConfigFormat(path) !== undefined ||
    DESCRIPTORS.some(({ recognition }) => recognition.mayBeAnalysed(path))
  );
}

const CLAIM_STRENGTH: Readonly<Record<PathClaim, number>> = { name: 3, folder: 2, extension: 1 };

/**
 * The language a file would be read in, from its path alone (a review knows the head commit's
 * tree before it reads any content): the strongest claim wins, the first descriptor on a tie.
 */
export function languageByPath(path: string): Language | undefined {
  if (isDeployedFile(path)) return deployedFileLanguage(path, '');
  let best: { language: Language; strength: number } | undefined;
  for (const descriptor of DESCRIPTORS) {
    const claim = descriptor.recognition.pathClaim(path);
    const strength = claim ? CLAIM_STRENGTH[claim] : 0;
    if (strength > (best?.strength ?? 0)) best = { language: descriptor.id, strength };
  }
  return best?.language;
}

export function detectLanguage(
  path: string,
  content: string,
  forced?: Language,
  deployment?: Deployment,
): Language | undefined {
  return forced ?? explainRecognition(path, content, deployment).language;
}

/**
 * The language test code is read in when detection from its path alone would skip it: a
 * cookbook kept under a test folder is Chef code, although Ruby under test folders is otherwise
 * a test itself (ChefSpec, InSpec) and not read.
 */
export function testCodeLanguage(path: string, content: string): Language | undefined {
  return DESCRIPTORS.find(({ recognition }) => recognition.testCode?.(path, content))?.id;
}
