/**
 * Where a file sits for variable resolution: the unit it belongs to (an Ansible role, a Puppet
 * module or control repository, a Chef cookbook) and the tree around it (the project that
 * holds the roles, the folder that holds the cookbooks). Variables reach the files of their
 * unit first and the files of their tree second. Each language's descriptor knows its layout.
 */
import { descriptorOf } from './index.js';
import type { Language } from '../model/model.js';
import type { FilePlace } from './layout.js';

export { contains, type FilePlace } from './layout.js';

export class Places {
  private readonly placers = new Map<Language, (path: string) => FilePlace>();

  /** `paths`: every file of the run, for layouts known only from the whole tree */
  constructor(private readonly paths: readonly string[]) {}

  /** Whether any file of the run lies in `folder`. */
  anyWithin(folder: string): boolean {
    const prefix = `${folder}/`;
    return this.paths.some((path) => path.startsWith(prefix));
  }

  of(path: string, language: Language): FilePlace {
    let placer = this.placers.get(language);
    if (!placer) {
      placer = descriptorOf(language).variables.placer(this.paths);
      this.placers.set(language, placer);
    }
    return placer(path);
  }
}
