/**
 * Where a change runs, when the repository says so: the hosts, plays, node definitions and
 * roles each changed file reaches, as its language's descriptor reads them (group variables and
 * roles in plays, Puppet modules in node definitions, cookbooks in Chef run lists).
 */
import { descriptorOf } from '../languages/index.js';
import type { ChangeReach, ReachInputs } from '../languages/language.js';
import { languageByPath } from './variables/reach.js';

export function blastRadius(inputs: ReachInputs): ChangeReach[] {
  const reaches: ChangeReach[] = [];
  for (const path of inputs.changed) {
    const model = inputs.models.get(path);
    const language = model?.language ?? languageByPath(path);
    if (!language) continue;
    const found = descriptorOf(language).reach(path, model, inputs);
    if (found.reaches.length > 0) reaches.push({ path, ...found });
  }
  return reaches;
}
