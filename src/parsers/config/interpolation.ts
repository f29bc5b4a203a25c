/**
 * A template expression written in the deploying language, so that the variable flow reads
 * it like any other value: Jinja2 stays `{{ x }}` in Ansible; ERB becomes `#{...}` in Chef;
 * in Puppet, ERB's `@name`, `scope['name']` and EPP's `$name` become `${name}`. An expression
 * that computes something (`@ciphers.join(',')`) becomes an interpolation that reads no
 * variable: its value is unknown, and nothing is concluded from it.
 */
import type { Language } from '../../engine/model.js';
import type { Interpolate } from '../templates/render-lines.js';

const PUPPET_NAME = /^[a-z_]\w*(::\w+)*$/;
const ERB_PUPPET_VARIABLE =
  /^(?:@([a-z_]\w*)|scope\[\s*['"](?:::)?([a-z_]\w*(?:::\w+)*)['"]\s*\]|scope\.lookupvar\(\s*['"](?:::)?([a-z_]\w*(?:::\w+)*)['"]\s*\))$/;

export function interpolation(
  language: Language,
  syntax: 'jinja' | 'erb' | 'epp' | 'none',
): Interpolate {
  if (syntax === 'jinja') return (code) => `{{ ${code} }}`;
  if (language === 'chef') return (code) => `#{${code}}`;
  if (syntax === 'epp') return (code) => puppetVariable(/^\$(?:::)?(.+)$/.exec(code)?.[1]);
  return (code) => {
    const match = ERB_PUPPET_VARIABLE.exec(code);
    return puppetVariable(match?.[1] ?? match?.[2] ?? match?.[3]);
  };
}

function puppetVariable(name: string | undefined): string {
  return name !== undefined && PUPPET_NAME.test(name) ? `\${${name}}` : '${?}';
}
