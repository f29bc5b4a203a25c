/**
 * One configuration-management language as the rest of Posture sees it: its name, the files it
 * is written in, its parser, and how its strings compute values. Each language is one
 * descriptor in this folder, registered in `index.ts`; the rules' per-language knowledge
 * (`src/rules/knowledge/`) is keyed by language, so the compiler lists every table a new
 * language must fill.
 */
import type { FileError } from '../engine/file-error.js';
import type { FileModel, Language } from '../engine/model.js';

export type ParseOutcome = { ok: true; model: FileModel } | { ok: false; error: FileError };

export interface LanguageDescriptor {
  id: Language;
  /** for people: `Ansible` */
  name: string;
  /** extensions of the files the CLI reads for it */
  extensions: readonly string[];
  /**
   * Further files it reads whatever their extension, judged by path: Ansible's INI inventories
   * and `ansible.cfg`, a Puppetfile, Chef data bag items and a Berksfile.
   */
  namedFiles(path: string): boolean;
  /** source text to the shared model, or a one-line reason why not */
  parse(path: string, source: string): ParseOutcome;
  /** loads what the parser needs once per process (a WebAssembly grammar) */
  init?(): Promise<void>;
  /** whether a string still computes something: a template, an interpolation, a reference */
  templated: RegExp;
  /** folders whose files set variables for the files of their tree (`group_vars`, `attributes`) */
  definitionFolders: ReadonlySet<string>;
}
