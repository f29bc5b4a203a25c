/**
 * Which files are Chef's data, by path alone: what a scan needs to decide to read one, without
 * the readers (`data-bags.ts`, `roles.ts`).
 */
import { isDeployedFile } from '../config/formats.js';

const DATA_BAG_ITEM = /(^|\/)data_bags\/[^/]+\/[^/]+\.json$/i;
export const ROLE_FILE = /(^|\/)(roles|environments|nodes)\/[^/]+\.(json|rb)$/i;

/** `data_bags/users/deploy.json`; not a copy a cookbook deploys from `files/`. */
export function isDataBagItem(path: string): boolean {
  return DATA_BAG_ITEM.test(path) && !isDeployedFile(path);
}

/** `roles/web.json`, `environments/prod.rb`, `nodes/web1.json`; not a copy a cookbook deploys. */
export function isRoleFile(path: string): boolean {
  return ROLE_FILE.test(path) && !isDeployedFile(path);
}
