/**
 * The templates a Puppet module deploys: EPP, and ERB or plain files under a module's
 * `templates/` and `files/`, or ERB that reads `scope[...]` or `$::x`. Their expressions become
 * Puppet interpolations: ERB's `@name` (or `@name.to_s`), `scope['name']` and EPP's `$name`
 * become `${name}`; ERB's ternary on one of those (`@single ? '/sbin/sulogin' : '/sbin/sushell'`)
 * and EPP's `if` expression (`if $single { 'yes' } else { 'no' }`) or `bool2str($single, 'yes',
 * 'no')` become the `if` expression in an interpolation, which picks one of two literals by the
 * variable's truth; an expression that computes something else (`@ciphers.join(',')`) becomes
 * `${?}`, which reads no variable: its value is unknown, and nothing is concluded from it.
 */
import type { DeployedTemplates } from '../language.js';
import { puppetDestinations, puppetRenderers } from './deployments.js';
import { puppetModuleClass } from './template-scope.js';

const EPP = /\.epp$/i;
const MODULE_PATH = /(^|\/)(modules|site|site-modules|dist)\/[^/]+\/(templates|files)\//;
const READS_PUPPET = /<%=?[^%]*(\bscope\s*[[.]|\$::)|<%\|/;
const NAME = /^[a-z_]\w*(::\w+)*$/;
/** A variable, read as it is or as text (`.to_s`, which writes a string or a number unchanged). */
const ERB_VARIABLE =
  /^(?:@([a-z_]\w*)|scope\[\s*['"](?:::)?([a-z_]\w*(?:::\w+)*)['"]\s*\]|scope\.lookupvar\(\s*['"](?:::)?([a-z_]\w*(?:::\w+)*)['"]\s*\))(?:\.to_s)?$/;
/** A literal string with nothing interpolated in it, nor a brace. */
const LITERAL = String.raw`'([^'\\{}]*)'|"([^"'\\#{}$]*)"`;
/** Ruby's ternary: a variable (possibly negated), then two literals. */
const ERB_TERNARY = new RegExp(
  String.raw`^(!\s*)?(\S.*?)\s+\?\s*(?:${LITERAL})\s*:\s*(?:${LITERAL})$`,
  's',
);
/** stdlib's `bool2str($x, 'a', 'b')`, which picks one of two literals by a Boolean. */
const EPP_BOOL2STR = new RegExp(
  String.raw`^bool2str\(\s*\$(?:::)?([a-z_]\w*(?:::\w+)*)\s*,\s*(?:${LITERAL})\s*,\s*(?:${LITERAL})\s*\)$`,
);
/** Puppet's `if` expression picking one of two literals by a variable: `if $x { 'a' } else { 'b' }`. */
const EPP_IF = new RegExp(
  String.raw`^if\s+(!\s*)?\$(?:::)?([a-z_]\w*(?:::\w+)*)\s*\{\s*(?:${LITERAL})\s*\}\s*else\s*\{\s*(?:${LITERAL})\s*\}$`,
  's',
);

export const templates: DeployedTemplates = {
  syntaxes: ['erb', 'epp', 'none'],
  // A manifest's `inline_template()` is read by name (`template-code-execution`), and a name in
  // Puppet code is written as it is.
  inCode: (source) => source.includes('inline_template'),
  ownsByPath: (path) => EPP.test(path) || MODULE_PATH.test(path),
  ownsByContent: (content) => READS_PUPPET.test(content),
  interpolate(syntax) {
    if (syntax === 'epp')
      return (code) => {
        const choice = EPP_IF.exec(code);
        if (choice) return picked(choice[2], choice.slice(3), choice[1] !== undefined);
        const converted = EPP_BOOL2STR.exec(code);
        if (converted) return picked(converted[1], converted.slice(2), false);
        return interpolation(/^\$(?:::)?(.+)$/.exec(code)?.[1]);
      };
    return (code) => {
      const ternary = ERB_TERNARY.exec(code);
      if (ternary) return picked(erbVariable(ternary[2] ?? ''), ternary.slice(3), !!ternary[1]);
      return interpolation(erbVariable(code));
    };
  },
  scopeOf: puppetModuleClass,
  layoutSign: /^(.*?)(?:^|\/)manifests\/.+\.pp$/,
  destinations: puppetDestinations,
  renderers: puppetRenderers,
};

/** The variable an ERB expression is (`@x`, `scope['x']`, with `.to_s` or not), if it is one. */
function erbVariable(code: string): string | undefined {
  const match = ERB_VARIABLE.exec(code);
  return match?.[1] ?? match?.[2] ?? match?.[3];
}

function interpolation(name: string | undefined): string {
  return name !== undefined && NAME.test(name) ? `\${${name}}` : '${?}';
}

/**
 * `${if $x { 'a' } else { 'b' }}`: the literal picked by the variable's truth (the other one
 * first where the test is negated); `${?}` where the expression is no variable.
 * `literals`: the four groups of two `LITERAL`s, single- or double-quoted.
 */
function picked(
  name: string | undefined,
  literals: readonly (string | undefined)[],
  negated: boolean,
): string {
  if (name === undefined || !NAME.test(name)) return '${?}';
  const first = literals[0] ?? literals[1] ?? '';
  const second = literals[2] ?? literals[3] ?? '';
  const [whenTrue, whenFalse] = negated ? [second, first] : [first, second];
  return `\${if $${name} { '${whenTrue}' } else { '${whenFalse}' }}`;
}
