/**
 * An ERB (Ruby) or EPP (Puppet) tag whose condition asks only what the host is: Ohai's
 * attributes in a Chef template (`<% if node['platform'] == 'ubuntu' %>`,
 * `<% if node['platform_version'].to_i >= 8 %>`), facts in a Puppet one (`<% if @osfamily ==
 * 'Debian' -%>`, `<% if @facts['os']['family'] == 'RedHat' %>`, EPP's `<% if
 * $facts['os']['family'] == 'Debian' { %>`). As for Jinja2 (`host-test.ts`), the text under
 * it is written on every host of that kind.
 */
import type { EmbeddedCode } from './erb-tags.js';
import { OHAI_ATTRIBUTES, PUPPET_FACT_HASHES, PUPPET_LEGACY_FACTS } from '../host-facts.js';

const OHAI = OHAI_ATTRIBUTES.join('|');
const LEGACY_FACTS = PUPPET_LEGACY_FACTS.join('|');
const FACT_HASHES = PUPPET_FACT_HASHES.join('|');
/** `['key']`, `["key"]`, `[:key]` after a reference. */
const KEYS = String.raw`(?:\[\s*(?:'[^']*'|"[^"]*"|:\w+)\s*\])`;

const RUBY_FACTS = new RegExp(
  [
    String.raw`\bnode\[\s*['":]?(?:${OHAI})['"]?\s*\]${KEYS}*`,
    String.raw`@facts${KEYS}*`,
    String.raw`\bscope\[\s*['"](?:::)?(?:facts|${LEGACY_FACTS})['"]\s*\]${KEYS}*`,
    String.raw`@(?:${LEGACY_FACTS})\b`,
  ].join('|'),
  'g',
);
const PUPPET_FACTS = new RegExp(
  String.raw`\$(?:::)?(?:${FACT_HASHES})${KEYS}*|\$(?:::)?(?:${LEGACY_FACTS})\b`,
  'g',
);

const RUBY_TAG = /^(?:if|elsif|unless)\s+([\s\S]+?)(?:\s+then)?$/;
const PUPPET_TAG = /^(?:\}\s*)?(?:if|elsif|unless)\s+([\s\S]+?)\s*\{$/;

const QUOTED = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g;
/** What may sit beside facts in such a condition: literals, comparisons, conversions. */
const RUBY_REST =
  /^(?:\s|FACT|''|\d+(?:\.\d+)?(?![\d.])|==|!=|>=|<=|<|>|=~|!~|&&|\|\||!|\(|\)|,|\b(?:and|or|not)\b|\.(?:to_i|to_f|to_s|downcase|upcase|start_with\?|include\?)|\/(?:[^/\\]|\\.)*\/)*$/;
const PUPPET_REST =
  /^(?:\s|FACT|''|\d+(?:\.\d+)?(?![\d.])|==|!=|>=|<=|<|>|=~|!~|!|\(|\)|,|\b(?:and|or|in|versioncmp)\b|\/(?:[^/\\]|\\.)*\/)*$/;

export function erbSelectsHosts(code: string, language: EmbeddedCode): boolean {
  const condition = (language === 'ruby' ? RUBY_TAG : PUPPET_TAG).exec(code.trim())?.[1];
  return condition !== undefined && erbConditionSelectsHosts(condition, language);
}

/** The same of a condition without its keyword (`node['platform'] == 'ubuntu'`). */
export function erbConditionSelectsHosts(condition: string, language: EmbeddedCode): boolean {
  const facts = language === 'ruby' ? RUBY_FACTS : PUPPET_FACTS;
  const marked = condition.replace(facts, ' FACT ');
  if (!marked.includes('FACT')) return false;
  const rest = marked.replace(QUOTED, "''");
  return (language === 'ruby' ? RUBY_REST : PUPPET_REST).test(rest);
}
