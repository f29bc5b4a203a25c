import type { Rule } from '../rule.js';
import { checkSettings, type Judge, type Verdict } from '../support/config-settings.js';
import { meta } from './meta.js';

/** The kernel command-line settings GRUB passes on every boot. */
const KERNEL_COMMAND_LINES = /^GRUB_CMDLINE_LINUX(_DEFAULT)?$/;

/**
 * Kernel arguments that hand a root shell to whoever is at the console, with no login: a shell
 * as init, systemd's debug shell on tty9, dracut's shell before the root file system mounts.
 */
const ROOT_SHELL_ARGUMENTS: ReadonlyArray<{ argument: RegExp; effect: string }> = [
  {
    argument: /(^|\s)init=\S*\/(ba|da|z|k|c|tc)?sh(ell)?(\s|$)/,
    effect: 'the kernel starts a shell as init: a root shell on the console, with no login',
  },
  {
    argument: /(^|\s)systemd\.debug[-_]shell(=(1|yes|true|on))?(\s|$)/,
    effect: 'systemd opens a root shell on tty9 at boot, with no login, for anyone at the console',
  },
  {
    argument: /(^|\s)rd\.break(=\S+)?(\s|$)/,
    effect: 'every boot stops in the initramfs with a root shell, with no login',
  },
];

function kernelCommandLine(value: string): Verdict | undefined {
  const argumentsText = value.replace(/^["']|["']$/g, '');
  const found = ROOT_SHELL_ARGUMENTS.find(({ argument }) => argument.test(argumentsText));
  return found ? { problem: found.effect } : undefined;
}

/** `/etc/sysconfig/init` on RHEL 6 and its kin: what single-user mode runs. */
function singleUserMode(name: string, value: string): Verdict | undefined {
  const unquoted = value.replace(/^["']|["']$/g, '');
  if (name === 'SINGLE' && /\/sushell$/.test(unquoted))
    return {
      problem:
        'single-user mode starts a root shell without asking for the root password: anyone at the console, or who can reboot the host into it, is root',
    };
  if (name === 'PROMPT' && /^yes$/i.test(unquoted))
    return {
      problem:
        'anyone at the console can choose at boot which services start, and skip the firewall or auditing',
      severity: 'low',
    };
  return undefined;
}

const judge: Judge = (name, value, setting) => {
  if (setting.format === 'grub')
    return KERNEL_COMMAND_LINES.test(name) ? kernelCommandLine(value) : undefined;
  return singleUserMode(name, value);
};

export const bootWithoutPassword: Rule = {
  meta,
  check(context) {
    checkSettings(context, ['grub', 'sysconfig-init'], judge);
  },
};
