/**
 * The Puppet class whose variables a module's template reads: the module's own class, named
 * after the module's folder (`modules/ssh/templates/sshd_config.erb` → `ssh`; a repository
 * named `puppet-ssh` or `acme-ssh` holds module `ssh`). Undefined outside a module layout.
 */
export function puppetModuleClass(path: string): string | undefined {
  const folders = path.split('/').slice(0, -1);
  const templates = folders.lastIndexOf('templates');
  if (templates < 1) return undefined;
  const folder = folders[templates - 1] ?? '';
  const name = folder.replace(/^[a-z0-9]+-(?=[a-z])/, '');
  return /^[a-z][a-z0-9_]*$/.test(name) ? name : undefined;
}
