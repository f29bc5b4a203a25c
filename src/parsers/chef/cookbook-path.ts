/**
 * Whether a Ruby file is Chef cookbook code: a recipe, attribute file, custom resource, LWRP
 * provider, library, or the cookbook's metadata.rb. Puppet module Ruby (`lib/puppet/...`),
 * tests, specs and tool files (Rakefile, Gemfile, Vagrantfile, Berksfile) are not.
 */

const COOKBOOK_FOLDERS = new Set(['recipes', 'attributes', 'resources', 'providers', 'libraries']);
const NOT_COOKBOOK_FOLDERS = new Set([
  'spec',
  'test',
  'tests',
  'lib',
  'vendor',
  'files',
  'templates',
  '.kitchen',
]);
const PUPPET_RUBY = /\bPuppet::(Type|Functions|Parser|Provider|Util)\b|\bFacter\.add\b/;

export function isChefCookbookPath(path: string, content: string): boolean {
  const segments = path
    .replace(/\\/g, '/')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.');
  const fileName = segments.pop();
  if (!fileName?.endsWith('.rb')) return false;
  if (segments.some((segment) => NOT_COOKBOOK_FOLDERS.has(segment))) return false;
  if (PUPPET_RUBY.test(content)) return false;
  return fileName === 'metadata.rb' || segments.some((segment) => COOKBOOK_FOLDERS.has(segment));
}
