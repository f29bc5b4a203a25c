import type { ConfigFormat, Language } from '../../model/model.js';
import type { Syntax } from './syntaxes/index.js';

/** One configuration format Posture reads: how it is recognised and which reader reads it. */
export interface FormatSpec {
  format: ConfigFormat;
  /** the daemon or file, for messages */
  label: string;
  syntax: Syntax;
  /** for people: which files are read as this format */
  files: string;
  /** for people: what the rules look for in it */
  checks: string;
  /** keywords that open a block running to the next one */
  sections?: readonly string[];
  /**
   * The daemon takes the first value a block gives a keyword and ignores the later ones
   * (OpenSSH), except for the keywords that may be given many times and add up.
   */
  firstValueWins?: { repeatable: readonly string[] };
  /** the file's name, template extension removed */
  name: RegExp;
  /** folders whose files are all of this format */
  folder?: RegExp;
  /**
   * paths (template extension removed) of files whose name says the format only in some
   * folders: `*.cnf` is MySQL's in a `mysql` role, OpenSSL's elsewhere
   */
  path?: RegExp;
  /** where it is deployed on the host */
  destination: RegExp;
  /**
   * The configuration-management tool whose own settings these are (`ansible.cfg`): such a file
   * is read wherever the repository keeps it, as code of that language, and not only where a
   * role, module or cookbook deploys it.
   */
  tool?: Language;
}
