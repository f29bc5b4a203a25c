import type { Rule, RuleContext } from '../rule.js';
import type { Value } from '../../model/model.js';
import {
  checkArguments,
  type ArgumentCheck,
  type OptionPlace,
} from '../support/module-arguments.js';
import { containersOf, definitionsOf, entryOf } from '../support/kubernetes-definitions.js';
import { valueRange } from '../support/assignments.js';
import { literalText } from '../support/values.js';
import { meta } from './meta.js';

/** A reference's tag and digest: `registry:5000/team/app:1.4@sha256:…`. */
function referenceParts(reference: string): { tag?: string; digest: boolean } {
  const [name = '', digest] = reference.split('@');
  const lastSegment = name.slice(name.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  return {
    ...(colon >= 0 ? { tag: lastSegment.slice(colon + 1) } : {}),
    digest: digest !== undefined,
  };
}

/**
 * What is unpinned about an image reference: `latest`, or no tag (which is `latest`); a digest
 * pins it whatever the tag says. `explicitTag` is a tag given beside the name (`docker_image`'s
 * `tag`).
 */
function unpinned(reference: string, explicitTag?: string): string | undefined {
  const { tag, digest } = referenceParts(reference.trim());
  if (digest || reference.trim() === '') return undefined;
  const effective = tag ?? explicitTag;
  if (effective === undefined)
    return 'names the image without a tag, so it runs whatever `latest` is when the host pulls it: a different image on each host and after each push, and whatever an attacker who can push to the repository put there';
  if (effective.toLowerCase() === 'latest')
    return 'runs `latest`: a different image on each host and after each push, and whatever an attacker who can push to the repository put there';
  return undefined;
}

function imageVerdict(value: Value): string | undefined {
  const text = literalText(value);
  return text === undefined ? undefined : unpinned(text);
}

/** `docker_image`'s `name` with its separate `tag`; an image built or loaded here is not pulled. */
function builtOrPulledVerdict(value: Value, { siblings }: OptionPlace): string | undefined {
  const text = literalText(value);
  if (text === undefined) return undefined;
  const option = (name: string) => siblings.find((attribute) => attribute.name === name);
  const source = option('source');
  if (source && literalText(source.value) !== 'pull') return undefined;
  // before `source`, a build context or an archive to load meant the image was not pulled
  if (!source && (option('build') || option('path') || option('load_path'))) return undefined;
  const tag = option('tag');
  if (tag && literalText(tag.value) === undefined) return undefined;
  return unpinned(text, tag && literalText(tag.value));
}

const CHECKS: readonly ArgumentCheck[] = [
  {
    modules: ['docker_container', 'podman_container', 'docker_swarm_service'],
    path: ['image'],
    judge: imageVerdict,
  },
  { modules: ['docker_image', 'podman_image'], path: ['name'], judge: builtOrPulledVerdict },
];

function checkKubernetes(context: RuleContext): void {
  for (const unit of context.file.units)
    for (const definition of definitionsOf(unit))
      for (const container of containersOf(definition)) {
        const image = entryOf(container, 'image');
        const problem = image && imageVerdict(image.value);
        if (image && problem)
          context.report({
            range: valueRange(image, image.value),
            message: `\`image: ${image.value.text.trim()}\` in the Kubernetes object of \`${unit.typeAsWritten}\` ${problem}`,
          });
      }
}

export const unpinnedContainerImage: Rule = {
  meta,
  check(context) {
    if (context.file.language !== 'ansible') return;
    checkArguments(context, CHECKS);
    checkKubernetes(context);
  },
};
