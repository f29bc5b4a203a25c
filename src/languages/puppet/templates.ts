/**
 * The templates a Puppet module deploys: EPP, and ERB or plain files under a module's
 * `templates/` and `files/`, or ERB that reads `scope[...]` or `$::x`. Their expressions become
 * Puppet interpolations: ERB's `@name` (or `@name.to_s`), `scope['name']` and EPP's `$name`
 * become `${name}`; an expression that computes something (`@ciphers.join(',')`) becomes `${?}`,
 * which reads no variable: its value is unknown, and nothing is concluded from it.
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

export const templates: DeployedTemplates = {
  syntaxes: ['erb', 'epp', 'none'],
  // A manifest's `inline_template()` is read by name (`template-code-execution`), and a name in
  // Puppet code is written as it is.
  inCode: (source) => source.includes('inline_template'),
  ownsByPath: (path) => EPP.test(path) || MODULE_PATH.test(path),
  ownsByContent: (content) => READS_PUPPET.test(content),
  interpolate(syntax) {
    if (syntax === 'epp') return (code) => interpolation(/^\$(?:::)?(.+)$/.exec(code)?.[1]);
    return (code) => {
      const match = ERB_VARIABLE.exec(code);
      return interpolation(match?.[1] ?? match?.[2] ?? match?.[3]);
    };
  },
  scopeOf: puppetModuleClass,
  layoutSign: /^(.*?)(?:^|\/)manifests\/.+\.pp$/,
  destinations: puppetDestinations,
  renderers: puppetRenderers,
};

function interpolation(name: string | undefined): string {
  return name !== undefined && NAME.test(name) ? `\${${name}}` : '${?}';
}
