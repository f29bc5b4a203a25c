/**
 * Where a change runs, when the repository says so: the hosts, plays, node definitions and
 * roles each changed file reaches, as its language's descriptor reads them (group variables and
 * roles in plays, Puppet modules in node definitions, cookbooks in Chef run lists).
 */
import { descriptorOf } from '../languages/index.js';
import type { FileModel } from '../model/model.js';
import { languageByPath } from './variables/reach.js';

export interface ChangeReach {
  /** the changed file */
  path: string;
  /** what it reaches, one phrase each: "every host of every inventory", "play `Web` in site.yml (hosts: web)" */
  reaches: string[];
  /** it reaches every host the repository manages */
  everyHost: boolean;
}

export interface ReachInputs {
  changed: readonly string[];
  /** the models of the head analysis, changed and unchanged files */
  models: ReadonlyMap<string, FileModel>;
  /** the text of files that are no code Posture analyses but place code on hosts (Chef roles) */
  texts: ReadonlyMap<string, string>;
}

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
