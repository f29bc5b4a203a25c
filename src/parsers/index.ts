/**
 * The parser for each language. A parser turns source text into the shared model, or
 * explains in one line why it cannot.
 */
import type { FileError } from '../engine/finding.js';
import type { FileModel, Language } from '../engine/model.js';
import { parseAnsible } from './ansible/parse-ansible.js';
import { initChefParser, parseChef } from './chef/parse-chef.js';
import { parseHiera } from './hiera/parse-hiera.js';
import { parsePuppet } from './puppet/parse-puppet.js';
import { initShellParser } from './shell/parse-shell.js';
import { deployedConfigFormat } from './config/formats.js';
import { parseConfig } from './config/parse-config.js';
import { initTemplateParser } from './templates/erb-tags.js';

export type ParseOutcome = { ok: true; model: FileModel } | { ok: false; error: FileError };

type LanguageParser = (path: string, source: string) => ParseOutcome;

const YAML_FILE = /\.ya?ml$/i;

/** Puppet is manifests, and Hiera data in YAML. */
function parsePuppetOrHiera(path: string, source: string): ParseOutcome {
  return YAML_FILE.test(path) ? parseHiera(path, source) : parsePuppet(path, source);
}

const PARSERS: Record<Language, LanguageParser | undefined> = {
  ansible: parseAnsible,
  puppet: parsePuppetOrHiera,
  chef: parseChef,
};

/**
 * Loads the grammars that run as WebAssembly (shell, Ruby), once per process. One after the
 * other: web-tree-sitter's runtime must finish initialising before a second grammar loads.
 */
export async function initParsers(): Promise<void> {
  await initShellParser();
  await initChefParser();
  await initTemplateParser();
}

export function parseFile(path: string, source: string, language: Language): ParseOutcome {
  const config = deployedConfigFormat(path);
  if (config) return parseConfig(path, source, language, config);
  const parser = PARSERS[language];
  if (!parser)
    return {
      ok: false,
      error: { path, kind: 'internal', message: `${language} is not supported yet` },
    };
  return parser(path, source);
}
