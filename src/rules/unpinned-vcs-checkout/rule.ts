import type { Rule, RuleContext } from '../rule.js';
import type { Attribute, Unit } from '../../model/model.js';
import { reportBinding, usePhrase, wholeBindings, wholeDefinitions } from '../support/bindings.js';
import { firstAttribute } from '../support/units.js';
import { literalText, removesResource, stringText } from '../support/values.js';
import {
  CHECKOUT_RESOURCES,
  LOCAL_REPOSITORY,
  MOVING_REVISION,
  type CheckoutResource,
} from '../knowledge/downloads.js';
import { meta } from './meta.js';

/** What a branch name means for the code deployed, for every message. */
const MOVES = 'the code deployed changes whenever someone pushes to it';

/** The repository as messages name it; undefined when it is on the host's own disk. */
function remoteRepository(unit: Unit, resource: CheckoutResource): string | undefined {
  const repository = firstAttribute(unit, resource.repository);
  if (!repository) return undefined;
  const text = stringText(repository.value);
  if (text === undefined || repository.value.dynamic)
    return `\`${(text ?? repository.value.text).trim()}\``;
  return LOCAL_REPOSITORY.test(text.trim()) ? undefined : text.trim();
}

function checkCheckout(context: RuleContext, unit: Unit, resource: CheckoutResource): void {
  const { file, report } = context;
  if (removesResource(unit, file.language)) return;
  const repository = remoteRepository(unit, resource);
  if (repository === undefined) return;
  const revision = firstAttribute(unit, resource.revision);
  const revisionName = resource.revision[0] ?? 'revision';
  if (!revision) {
    report({
      range: unit.typeRange,
      message: `\`${unit.typeAsWritten}\` checks out ${repository} without a \`${revisionName}\`, so it deploys ${resource.defaultRevision} as it is at run time: pin a tag or a commit`,
    });
    return;
  }
  const literal = literalText(revision.value)?.trim().replace(/^:/, '');
  if (literal !== undefined) {
    if (MOVING_REVISION.test(literal))
      report({
        range: revision.value.range,
        message: `\`${revision.name}\` \`${literal}\` is a branch, not a tag or a commit: ${MOVES}`,
      });
    return;
  }
  for (const binding of wholeBindings(context, revision.value, unit.within)) {
    const taken = literalText(binding.value)?.trim().replace(/^:/, '');
    if (taken === undefined || !MOVING_REVISION.test(taken)) continue;
    reportBinding(
      context,
      binding,
      { range: revision.value.range, as: usePhrase(file, unit, revision.name) },
      `checks out the branch \`${taken}\` of ${repository}: ${MOVES}`,
    );
  }
  reportDefinitionFallbacks(context, unit, revision, repository);
}

/**
 * `nova_git_branch: "{{ git_branch | default('master') }}"` in role defaults: the definition is
 * itself computed, and when nothing sets what it reads it falls back to a branch. The finding
 * is on the definition, the line that chose the branch.
 */
function reportDefinitionFallbacks(
  context: RuleContext,
  unit: Unit,
  revision: Attribute,
  repository: string,
): void {
  const { file, report } = context;
  for (const definition of wholeDefinitions(context, revision.value, unit.within)) {
    if (!definition.value.dynamic) continue;
    for (const binding of wholeBindings(context, definition.value)) {
      const taken = literalText(binding.value)?.trim();
      if (binding.definition || taken === undefined || !MOVING_REVISION.test(taken)) continue;
      report({
        range: definition.value.range,
        path: definition.path,
        ...(definition.path === file.path
          ? {}
          : {
              landing: {
                path: file.path,
                line: revision.value.range.line,
                as: usePhrase(file, unit, revision.name),
              },
            }),
        message: `\`${definition.name}: ${definition.value.text.trim()}\` falls back to the branch \`${taken}\` when nothing else sets it, and \`${unit.typeAsWritten}\` at ${file.path}:${revision.value.range.line} checks out that branch of ${repository}: ${MOVES}`,
      });
    }
  }
}

export const unpinnedVcsCheckout: Rule = {
  meta,
  check(context) {
    const resources = CHECKOUT_RESOURCES[context.file.language];
    if (!resources) return;
    for (const unit of context.file.units) {
      if (unit.kind === 'dependency' || unit.kind === 'call') continue;
      const resource = resources[unit.type];
      if (resource) checkCheckout(context, unit, resource);
    }
  },
};
