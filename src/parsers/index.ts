/**
 * Parsing a file: a configuration file a role, module or cookbook deploys is read by the config
 * readers in the deploying language, and so is a tool's own settings file (`ansible.cfg`);
 * anything else by its language's parser (`src/languages/`). A parser turns source text into the
 * shared model, or explains in one line why it cannot.
 */
import type { Deployment, Language } from '../engine/model.js';
import { descriptorOf, LANGUAGE_DESCRIPTORS, type ParseOutcome } from '../languages/index.js';
import { initShellParser } from './shell/parse-shell.js';
import { configFormatOf, formatByName } from './config/formats.js';
import { parseConfig } from './config/parse-config.js';
import { initTemplateParser } from './templates/erb-tags.js';

export type { ParseOutcome };

/**
 * Loads the grammars that run as WebAssembly (shell, the languages', templates), once per
 * process. One after the other: web-tree-sitter's runtime must finish initialising before a
 * second grammar loads.
 */
export async function initParsers(): Promise<void> {
  await initShellParser();
  for (const descriptor of Object.values(LANGUAGE_DESCRIPTORS)) await descriptor.init?.();
  await initTemplateParser();
}

export function parseFile(
  path: string,
  source: string,
  language: Language,
  deployment?: Deployment,
): ParseOutcome {
  const config = configFormatOf(path, deployment?.destination);
  if (config)
    return parseConfig(
      path,
      source,
      language,
      config,
      formatByName(path) || !deployment?.destination
        ? undefined
        : `by its destination ${deployment.destination}`,
    );
  return descriptorOf(language).parse(path, source);
}
