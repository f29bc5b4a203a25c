/**
 * Which files may be INI inventories, by path alone: what a scan needs to decide to read one,
 * without the reader (`ini-inventory.ts`), which tells from the lines whether one is.
 */
import { isDeployedFile } from '../config/formats.js';

const INVENTORY_FOLDER = /(^|\/)(inventory|inventories)\//;
const VARIABLES_FOLDER = /(^|\/)(group_vars|host_vars)\//;
const INVENTORY_NAME = /^(hosts|inventory)(\.ini)?$/i;
/** A name without an extension, or with `.ini`. */
const INI_OR_BARE_NAME = /^[^.]+(\.ini)?$/i;

/**
 * Whether a path may hold an INI inventory: a file named `hosts` or `inventory` (with or without
 * `.ini`) anywhere, or an `.ini` or extensionless file in an `inventory/` or `inventories/`
 * folder; never a file a role deploys, nor the extensionless vars files of `group_vars/`.
 * Such a path is an inventory when its lines read as one (`iniInventoryProblem`): `ec2.ini`
 * configures a script, a copy of `/etc/hosts` lists addresses.
 */
export function mayBeIniInventory(path: string): boolean {
  if (isDeployedFile(path) || VARIABLES_FOLDER.test(path)) return false;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return INVENTORY_NAME.test(name) || (INVENTORY_FOLDER.test(path) && INI_OR_BARE_NAME.test(name));
}

/** A name without an extension, or with `.json`. */
const BARE_OR_JSON_NAME = /^[^.]+(\.json)?$/i;

/**
 * A vars file of `group_vars/` or `host_vars/` that has no YAML extension: Ansible's vars plugin
 * loads a file there with no extension (`group_vars/all`) or `.json` as well, as YAML. Never a
 * file a role deploys.
 */
export function isBareVarsFile(path: string): boolean {
  if (isDeployedFile(path) || !VARIABLES_FOLDER.test(path)) return false;
  return BARE_OR_JSON_NAME.test(path.slice(path.lastIndexOf('/') + 1));
}
