import type { Directive, FileModel } from '../../model/model.js';
import type { Rule } from '../rule.js';
import { literalText } from '../support/values.js';
import { meta } from './meta.js';

/** Directives that limit which accounts may log in at all. */
const ACCESS_LISTS = new Set(['allowusers', 'allowgroups', 'denyusers', 'denygroups']);

/** A `Match` block for some users, groups or client addresses: access decided per who and where. */
const RESTRICTING_MATCH = /^match\b.*\b(user|group|address|host)\b/i;

/** Addresses that mean "every interface". */
const EVERY_ADDRESS = /^(0\.0\.0\.0|::|\[::\]|\*)(:\d+)?$/;

/**
 * A line of a template that starts with an expression: `{{ key }} {{ value }}` or `<%= key %>
 * <%= value %>` inside a loop over a hash. The file's settings then come from data, and any of
 * them may be an `AllowUsers`. The managed-file banner is only a comment.
 */
const RENDERED_DIRECTIVE = /^\s*(\{\{|<%-?=|\$\{)(?!.*ansible_managed)/;

/** A drop-in under `sshd_config.d/`: one part of the configuration, not all of it. */
const DROP_IN = /(^|\/)sshd_config\.d\//;

function named(directive: Directive, name: string): boolean {
  return directive.name.toLowerCase() === name;
}

/** Whether sshd listens on every address: no `ListenAddress`, or a wildcard one. */
function listensEverywhere(directives: readonly Directive[]): boolean {
  const listens = directives.filter((directive) => named(directive, 'listenaddress'));
  return listens.every((directive) => {
    const address = literalText(directive.value)?.trim().split(/\s+/)[0];
    return address !== undefined && EVERY_ADDRESS.test(address);
  });
}

/** Whether anything in the file may limit who logs in, or the file may not be all there is. */
function mayRestrict(file: FileModel, directives: readonly Directive[]): boolean {
  return (
    directives.some(
      (directive) =>
        ACCESS_LISTS.has(directive.name.toLowerCase()) ||
        named(directive, 'include') ||
        RESTRICTING_MATCH.test(directive.section ?? ''),
    ) || file.lines.some((line) => RENDERED_DIRECTIVE.test(line))
  );
}

export const unrestrictedSshAccess: Rule = {
  meta,
  check(context) {
    const { file } = context;
    const config = file.config;
    if (config?.format !== 'sshd' || DROP_IN.test(file.path)) return;
    const directives = config.directives;
    const first = directives[0];
    if (!first || !listensEverywhere(directives) || mayRestrict(file, directives)) return;
    const wildcard = directives.find(
      (directive) => named(directive, 'listenaddress') && !directive.conditional,
    );
    const where = wildcard ?? first;
    const listening = wildcard
      ? `listens on \`${literalText(wildcard.value)?.trim() ?? ''}\` (every address)`
      : 'sets no `ListenAddress`, so sshd listens on every address,';
    context.report({
      range: where.range,
      message: `This sshd_config ${listening} and names no \`AllowUsers\`, \`AllowGroups\` or \`Match\` block: every account with a key or password may log in from anywhere that reaches the port, system and service accounts included`,
    });
  },
};
