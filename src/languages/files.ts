/**
 * Which files a scan reads for each language, by path alone: the extensions, and the files a
 * language reads by name whatever their extension (`hosts`, `ansible.cfg`, `Puppetfile`, data bag
 * items). The walk decides with these, before any file is read, without loading the readers;
 * the descriptors (`index.ts`) carry the same.
 */
import { LANGUAGES, type Language } from '../model/model.js';
import { isBareVarsFile, mayBeIniInventory } from '../parsers/ansible/inventory-names.js';
import { isDataBagItem, isRoleFile } from '../parsers/chef/file-names.js';
import { toolConfigFormat } from '../parsers/config/formats.js';
import { isBerksfile, isPuppetfile } from '../parsers/dependencies/file-names.js';

export interface LanguageFiles {
  extensions: readonly string[];
  /** files the language reads by name, whatever their extension */
  namedFiles: (path: string) => boolean;
}

export const LANGUAGE_FILES: Readonly<Record<Language, LanguageFiles>> = {
  ansible: {
    extensions: ['.yml', '.yaml'],
    namedFiles: (path) =>
      mayBeIniInventory(path) || isBareVarsFile(path) || toolConfigFormat(path)?.tool === 'ansible',
  },
  puppet: {
    extensions: ['.pp'],
    namedFiles: isPuppetfile,
  },
  chef: {
    extensions: ['.rb'],
    namedFiles: (path) => isDataBagItem(path) || isBerksfile(path) || isRoleFile(path),
  },
};

/** Whether a path has the extension of one of the languages (of all three by default). */
export function hasLanguageExtension(
  path: string,
  languages: readonly Language[] = LANGUAGES,
): boolean {
  const lower = path.toLowerCase();
  return languages.some((language) =>
    LANGUAGE_FILES[language].extensions.some((extension) => lower.endsWith(extension)),
  );
}
