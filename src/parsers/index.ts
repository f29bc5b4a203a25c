/**
 * The parser for each language. A parser turns source text into the shared model, or
 * explains in one line why it cannot.
 */
import type { FileError } from '../engine/finding.js';
import type { FileModel, Language } from '../engine/model.js';
import { parseAnsible } from './ansible/parse-ansible.js';

export type ParseOutcome = { ok: true; model: FileModel } | { ok: false; error: FileError };

type LanguageParser = (path: string, source: string) => ParseOutcome;

const PARSERS: Record<Language, LanguageParser | undefined> = {
  ansible: parseAnsible,
  puppet: undefined,
  chef: undefined,
};

export function parseFile(path: string, source: string, language: Language): ParseOutcome {
  const parser = PARSERS[language];
  if (!parser) return { ok: false, error: { path, message: `${language} is not supported yet` } };
  return parser(path, source);
}
