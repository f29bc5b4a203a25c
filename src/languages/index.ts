/** The languages Posture reads, one descriptor each. Adding a language: see `docs/architecture.md`. */
import type { Language } from '../model/model.js';
import { ansible } from './ansible/index.js';
import { chef } from './chef/index.js';
import type { LanguageDescriptor } from './language.js';
import { puppet } from './puppet/index.js';

export const LANGUAGE_DESCRIPTORS: Readonly<Record<Language, LanguageDescriptor>> = {
  ansible,
  puppet,
  chef,
};

/** The descriptors in the order they are consulted when more than one could read a file. */
export const DESCRIPTORS: readonly LanguageDescriptor[] = Object.values(LANGUAGE_DESCRIPTORS);

export function descriptorOf(language: Language): LanguageDescriptor {
  return LANGUAGE_DESCRIPTORS[language];
}

export type { LanguageDescriptor } from './language.js';
