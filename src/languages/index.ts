/** The languages Posture reads, one descriptor each. Adding a language: see `docs/architecture.md`. */
import type { Language } from '../engine/model.js';
import { ansible } from './ansible.js';
import { chef } from './chef.js';
import type { LanguageDescriptor } from './language.js';
import { puppet } from './puppet.js';

export const LANGUAGE_DESCRIPTORS: Readonly<Record<Language, LanguageDescriptor>> = {
  ansible,
  puppet,
  chef,
};

export function descriptorOf(language: Language): LanguageDescriptor {
  return LANGUAGE_DESCRIPTORS[language];
}

export type { LanguageDescriptor, ParseOutcome } from './language.js';
