/**
 * The task files an Ansible file's `include_tasks`/`import_tasks` tasks include, and the
 * templates its `template` tasks render, each with the flags the task's `when:` (its own and
 * its blocks' and play's) tests, once for each way a `when:` with `or` can hold. A condition
 * Posture does not read as flags and host tests leaves the file as if it always ran: it is then
 * judged, not left out.
 */
import type { FileModel } from '../../model/model.js';
import { scopesAround } from '../../model/scopes.js';
import { includedTaskFiles, renderedTemplates } from '../../parsers/ansible/applied-files.js';
import {
  registeredFor,
  whenAlternatives,
  whenConditionsOf,
} from '../../parsers/ansible/when-conditions.js';
import type { IncludedFile } from '../language.js';

export function includedFiles(model: FileModel, inRun?: ReadonlySet<string>): IncludedFile[] {
  const included: IncludedFile[] = [];
  const registered = registeredFor(model, inRun);
  for (const unit of model.units) {
    if (unit.type !== 'include_tasks' && unit.type !== 'import_tasks' && unit.type !== 'template')
      continue;
    const inPlay = scopesAround(model, unit).some((scope) => scope.kind === 'play');
    const paths = [
      ...includedTaskFiles(model.path, unit, inPlay),
      ...renderedTemplates(model.path, unit, inPlay),
    ];
    if (paths.length === 0) continue;
    // Under `or`, the task runs, and reaches its files, in each of its ways.
    const ways = whenAlternatives(whenConditionsOf(model, unit), registered) ?? [[]];
    for (const path of paths) for (const guards of ways) included.push({ path, guards });
  }
  return included;
}
