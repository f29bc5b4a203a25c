/** Where a changed Chef file runs: the roles and nodes whose run lists name its cookbook's recipes. */
import type { ChangeReach, ReachInputs } from '../language.js';
import type { FileModel } from '../../model/model.js';
import { escapeRegExp } from '../../shared/escape-regexp.js';

/** Chef roles and nodes (JSON or Ruby) whose run lists name a recipe of the cookbook. */
export function chefReach(
  path: string,
  _model: FileModel | undefined,
  { texts }: ReachInputs,
): Omit<ChangeReach, 'path'> {
  const cookbook =
    /(?:^|\/)cookbooks\/([^/]+)\//.exec(path)?.[1] ??
    /(?:^|\/)([^/]+)\/(recipes|attributes|templates|files|resources|libraries)\//.exec(path)?.[1];
  if (!cookbook) return { everyHost: false, reaches: [] };
  const name = cookbook.replace(/^chef-/, '');
  const recipe = new RegExp(
    `recipe\\[(${escapeRegExp(cookbook)}|${escapeRegExp(name)})(::[\\w-]+)?\\]`,
  );
  const reaches: string[] = [];
  for (const [file, text] of texts) {
    const kind = /(?:^|\/)(roles|nodes)\/([^/]+)\.(json|rb)$/.exec(file);
    if (!kind || !recipe.test(text)) continue;
    reaches.push(`${kind[1] === 'roles' ? 'role' : 'node'} \`${kind[2]}\` (${file})`);
  }
  return { everyHost: false, reaches };
}
