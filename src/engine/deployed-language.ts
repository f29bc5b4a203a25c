/**
 * Which language deploys a configuration file kept in the repository, so that its template
 * expressions read that language's variables: Jinja2 templates and anything under an Ansible
 * role are Ansible's, EPP is Puppet's; ERB and plain files belong to the Chef cookbook or
 * Puppet module they sit in, told apart by the layout (`templates/default/` is Chef's) and
 * otherwise by what the template reads (`node[...]` is Chef, `scope[...]` and `$::x` Puppet).
 */
import type { Language } from './model.js';

const JINJA = /\.(j2|jinja2?)$/i;
const EPP = /\.epp$/i;
const ANSIBLE_ROLE = /(^|\/)roles\/[^/]+\/(templates|files)\//;
const CHEF_LAYOUT =
  /(^|\/)(cookbooks\/[^/]+\/|)(templates|files)\/(default|host-[^/]+|[a-z]+-[\d.]+)\//;
const CHEF_PATH = /(^|\/)cookbooks\//;
const PUPPET_PATH = /(^|\/)(modules|site|site-modules|dist)\/[^/]+\/(templates|files)\//;
const CHEF_CODE = /<%=?[^%]*\b(node\s*[[.]|new_resource\b)/;
const PUPPET_CODE = /<%=?[^%]*(\bscope\s*[[.]|\$::)|<%\|/;

export function deployedFileLanguage(path: string, content: string): Language | undefined {
  if (JINJA.test(path) || ANSIBLE_ROLE.test(path)) return 'ansible';
  if (EPP.test(path) || PUPPET_PATH.test(path)) return 'puppet';
  if (CHEF_LAYOUT.test(path) || CHEF_PATH.test(path)) return 'chef';
  if (CHEF_CODE.test(content)) return 'chef';
  if (PUPPET_CODE.test(content)) return 'puppet';
  return undefined;
}
