/**
 * Files Posture reads by their name or folder rather than their extension: Ansible's INI
 * inventories (`hosts`, `inventory/*.ini`), a Puppetfile, Chef data bag items
 * (`data_bags/<bag>/<item>.json`) and a Berksfile. (`ansible.cfg` is a configuration format,
 * recognised with the others in `parsers/config/formats.ts`.) A file named like an inventory is
 * one only when its lines read as one: `inventory/ec2.ini` configures a script, and a copy of
 * `/etc/hosts` lists addresses and names.
 */
import type { Recognition } from './detect-language.js';
import { recogniseYaml } from './recognise-yaml.js';
import {
  iniInventoryProblem,
  mayBeIniInventory,
  startsLikeYaml,
} from '../parsers/ansible/ini-inventory.js';
import { isDataBagItem } from '../parsers/chef/data-bags.js';
import {
  dependencyFileLanguage,
  dependencyFileOf,
} from '../parsers/dependencies/dependency-files.js';

const DEPENDENCY_FILES = {
  puppetfile: 'a Puppetfile (the Puppet modules r10k installs)',
  berksfile: 'a Berksfile (the cookbooks Berkshelf installs)',
} as const;

/** The recognition of a file read by its name, or undefined when its name says nothing. */
export function recogniseNamedFile(path: string, content: string): Recognition | undefined {
  const dependencies = dependencyFileOf(path);
  if (dependencies)
    return {
      language: dependencyFileLanguage(dependencies),
      reason: DEPENDENCY_FILES[dependencies],
    };
  if (isDataBagItem(path)) return { language: 'chef', reason: 'a Chef data bag item' };
  if (!mayBeIniInventory(path)) return undefined;
  // Ansible tries an inventory without an extension as YAML first.
  if (startsLikeYaml(content)) return recogniseYaml(path, content);
  const problem = iniInventoryProblem(content);
  return problem === undefined
    ? { language: 'ansible', reason: 'an Ansible INI inventory' }
    : {
        language: undefined,
        reason: `named like an Ansible inventory, but its lines are not one (${problem})`,
        forceAs: 'ansible',
      };
}
