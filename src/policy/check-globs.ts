/**
 * Every glob a policy file holds, with the options it is matched with, so that one that cannot be
 * matched in linear time (`src/shared/globs.ts`) is refused where it is written, not met while a
 * review runs.
 */
import type { MinimatchOptions } from 'minimatch';
import { globProblem, HOST_GLOB_OPTIONS, PATH_GLOB_OPTIONS } from '../shared/globs.js';
import { CONDITION_GLOB_OPTIONS } from './custom-rules.js';
import type { KeyPath } from './locate.js';
import type { PolicyFile } from './types.js';

interface WrittenGlob {
  path: KeyPath;
  glob: string;
  options: MinimatchOptions;
}

export function globErrors(policy: PolicyFile): Array<{ path: KeyPath; message: string }> {
  return writtenGlobs(policy).flatMap(({ path, glob, options }) => {
    const problem = globProblem(glob, options);
    return problem === undefined ? [] : [{ path, message: problem }];
  });
}

function writtenGlobs(policy: PolicyFile): WrittenGlob[] {
  const found: WrittenGlob[] = [];
  const add = (path: KeyPath, globs: unknown, options = PATH_GLOB_OPTIONS) => {
    const list = Array.isArray(globs) ? globs : [globs];
    list.forEach((glob, index) => {
      if (typeof glob === 'string')
        found.push({ path: Array.isArray(globs) ? [...path, index] : path, glob, options });
    });
  };
  add(['paths', 'include'], policy.paths?.include ?? []);
  add(['paths', 'exclude'], policy.paths?.exclude ?? []);
  for (const [language, globs] of Object.entries(policy.paths?.languages ?? {}))
    add(['paths', 'languages', language], globs ?? []);
  for (const table of ['rules', 'categories'] as const)
    for (const [name, setting] of Object.entries(policy[table] ?? {})) {
      add([table, name, 'include'], setting.include ?? []);
      add([table, name, 'exclude'], setting.exclude ?? []);
    }
  add(
    ['rules', 'http-without-tls', 'options', 'allowed_hosts'],
    policy.rules?.['http-without-tls']?.options?.['allowed_hosts'] ?? [],
    HOST_GLOB_OPTIONS,
  );
  (policy.waivers ?? []).forEach((waiver, index) => add(['waivers', index, 'path'], waiver.path));
  add(['review', 'when', 'paths'], policy.review?.when?.paths ?? []);
  (policy.custom_rules ?? []).forEach((rule, index) => {
    for (const key of ['type', 'variable'] as const)
      if (rule.match[key] !== undefined)
        add(['custom_rules', index, 'match', key], rule.match[key]);
    if (typeof rule.match.glob === 'string')
      add(['custom_rules', index, 'match', 'glob'], rule.match.glob, CONDITION_GLOB_OPTIONS);
  });
  return found;
}
