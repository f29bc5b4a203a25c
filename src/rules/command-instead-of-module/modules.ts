/**
 * Commands an Ansible module does in a way that is idempotent and reads as a declaration: which
 * program, with which arguments, the module that replaces it.
 */
import { lookupTable } from '../../shared/lookup-table.js';

/** The module that replaces a command run with these arguments, or undefined when none does. */
export type ModuleFor = (args: readonly string[], text: string) => string | undefined;

const GLOB = /[*?[]/;

/** The first argument that is not an option: the subcommand (`install`, `restart`). */
function subcommand(args: readonly string[]): string | undefined {
  return args.find((arg) => !arg.startsWith('-'));
}

function whenSubcommand(module: string, subcommands: readonly string[]): ModuleFor {
  return (args) => {
    const verb = subcommand(args);
    return verb !== undefined && subcommands.includes(verb) ? module : undefined;
  };
}

/** A module for the files the command names, unless a glob names them (modules take paths). */
function onPaths(module: string): ModuleFor {
  return (args) => (args.some((arg) => GLOB.test(arg)) ? undefined : module);
}

const PACKAGE_VERBS = ['install', 'remove', 'purge', 'erase', 'update', 'upgrade', 'reinstall'];
const SERVICE_VERBS = [
  'start',
  'stop',
  'restart',
  'reload',
  'enable',
  'disable',
  'mask',
  'unmask',
  'daemon-reload',
];

/** `curl -o FILE URL`, `curl -O URL`: a download to a file, not a probe printed to stdout. */
function curlDownload(args: readonly string[]): string | undefined {
  const writes = args.some(
    (arg) =>
      arg === '--output' ||
      arg.startsWith('--output=') ||
      arg === '--remote-name' ||
      /^-[A-Za-z]*[oO]$/.test(arg),
  );
  return writes ? 'ansible.builtin.get_url' : undefined;
}

/** `wget URL` saves a file; `-O -`, `-qO-` and `--spider` do not. */
function wgetDownload(args: readonly string[]): string | undefined {
  const toStdout = args.some(
    (arg, index) =>
      ((arg === '-O' || arg === '--output-document') && args[index + 1] === '-') ||
      /^-[A-Za-z]*O-$/.test(arg) ||
      arg === '--output-document=-' ||
      arg === '--spider',
  );
  return toStdout ? undefined : 'ansible.builtin.get_url';
}

/** `service NAME start`. */
function serviceCommand(args: readonly string[]): string | undefined {
  const verb = args.filter((arg) => !arg.startsWith('-'))[1];
  return verb !== undefined && SERVICE_VERBS.includes(verb) ? 'ansible.builtin.service' : undefined;
}

/** `sed -i` edits a file in place; without it sed only prints. */
function sedInPlace(args: readonly string[]): string | undefined {
  const inPlace = args.some((arg) => /^-[A-Za-z]*i/.test(arg) || arg.startsWith('--in-place'));
  return inPlace ? 'ansible.builtin.lineinfile or ansible.builtin.replace' : undefined;
}

/** `echo ... >> FILE`, `printf ... > FILE`: writing a file's content with a redirection. */
function writesFile(_args: readonly string[], text: string): string | undefined {
  return /(^|[^>&2])>>?\s*[^\s&|]/.test(text)
    ? 'ansible.builtin.lineinfile or ansible.builtin.copy'
    : undefined;
}

/** `tar -x`, `tar xzf`: unpacking an archive. */
function tarExtract(args: readonly string[]): string | undefined {
  const first = args[0] ?? '';
  const extracts =
    args.includes('--extract') ||
    args.some((arg) => /^-[A-Za-z]*x/.test(arg)) ||
    /^[A-Za-z]*x[A-Za-z]*$/.test(first);
  return extracts ? 'ansible.builtin.unarchive' : undefined;
}

/** `ln -s TARGET LINK`. */
function symlink(args: readonly string[]): string | undefined {
  return args.some((arg) => /^-[A-Za-z]*s/.test(arg) || arg === '--symbolic')
    ? 'ansible.builtin.file (state: link)'
    : undefined;
}

export const MODULE_FOR: Readonly<Record<string, ModuleFor>> = lookupTable({
  'apt-get': whenSubcommand('ansible.builtin.apt', PACKAGE_VERBS),
  apt: whenSubcommand('ansible.builtin.apt', PACKAGE_VERBS),
  yum: whenSubcommand('ansible.builtin.yum', PACKAGE_VERBS),
  dnf: whenSubcommand('ansible.builtin.dnf', PACKAGE_VERBS),
  zypper: whenSubcommand('community.general.zypper', [
    'install',
    'in',
    'remove',
    'rm',
    'update',
    'up',
  ]),
  pip: whenSubcommand('ansible.builtin.pip', ['install', 'uninstall']),
  pip3: whenSubcommand('ansible.builtin.pip', ['install', 'uninstall']),
  systemctl: whenSubcommand('ansible.builtin.systemd_service', SERVICE_VERBS),
  service: serviceCommand,
  useradd: () => 'ansible.builtin.user',
  usermod: () => 'ansible.builtin.user',
  userdel: () => 'ansible.builtin.user',
  groupadd: () => 'ansible.builtin.group',
  groupdel: () => 'ansible.builtin.group',
  chmod: onPaths('ansible.builtin.file'),
  chown: onPaths('ansible.builtin.file'),
  chgrp: onPaths('ansible.builtin.file'),
  mkdir: onPaths('ansible.builtin.file (state: directory)'),
  ln: symlink,
  rm: onPaths('ansible.builtin.file (state: absent)'),
  curl: curlDownload,
  wget: wgetDownload,
  git: whenSubcommand('ansible.builtin.git', ['clone', 'checkout', 'pull']),
  sed: sedInPlace,
  echo: writesFile,
  printf: writesFile,
  tar: tarExtract,
  unzip: () => 'ansible.builtin.unarchive',
  hostnamectl: whenSubcommand('ansible.builtin.hostname', ['set-hostname']),
  timedatectl: whenSubcommand('community.general.timezone', ['set-timezone']),
});
