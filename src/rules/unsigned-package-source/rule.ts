import type { Rule } from '../rule.js';
import { assignmentRange, assignments } from '../support/assignments.js';
import { isFalse, isTrue, literalText, ownStrings } from '../support/values.js';
import { rangeOfMatch } from '../support/source-lines.js';
import { nameWords } from '../support/names.js';
import { commandsIn, effectiveProgram, hasFlag } from '../support/commands.js';
import { SIGNATURE_CHECK_SETTINGS, SIGNATURE_SKIP_SETTINGS, endsWithSetting } from '../knowledge/settings.js';

/** Signature checks turned off inside file content: repo files, APT sources, ini edits. */
const OFF_IN_TEXT = /(^|\n|\s)gpgcheck\s*=\s*(0|false|no)\b|\[[^\]]*\btrusted=yes\b[^\]]*\]|AllowUnauthenticated\s+"?(true|1)|(^|\s)--(nogpgcheck|no-gpg-checks|nosignature|allow-unauthenticated|allow-insecure-repositories|force-yes)\b/i;

const PACKAGE_MANAGERS = new Set(['apt', 'apt-get', 'aptitude', 'yum', 'dnf', 'zypper', 'rpm', 'microdnf']);

function unsignedInstallFlag(name: string, args: readonly string[]): string | undefined {
  if (!PACKAGE_MANAGERS.has(name)) return undefined;
  for (const flag of ['--allow-unauthenticated', '--force-yes', '--nogpgcheck', '--no-gpg-checks', '--nosignature', '--allow-insecure-repositories']) {
    if (hasFlag(args, undefined, flag)) return `${name} ${flag}`;
  }
  const option = args.find((arg) => /^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories)=(true|1|yes)$/i.test(arg));
  return option ? `${name} -o ${option}` : undefined;
}

export const unsignedPackageSource: Rule = {
  meta: {
    id: 'unsigned-package-source',
    title: 'Package signature checks disabled',
    severity: 'high',
    category: 'unsigned-package-source',
    languages: ['ansible', 'puppet', 'chef'],
    description:
      'Packages are installed without checking their signatures (`gpgcheck=0`, `disable_gpg_check`, `allow_unauthenticated`, `[trusted=yes]`, `--nogpgcheck`). Anyone who can tamper with the mirror or the network path can install their own code, as root.',
    remediation:
      'Keep signature checks on and import the repository\'s signing key (`rpm_key`, `apt_key`/`signed-by`, `gpgkey`). If a package is unsigned, publish it through an internal repository that signs it.',
    cwe: 'CWE-347',
  },
  check({ file, report }) {
    for (const assignment of assignments(file)) {
      const words = nameWords(assignment.name);
      const off =
        (endsWithSetting(words, SIGNATURE_CHECK_SETTINGS) && isFalse(assignment.value)) ||
        (endsWithSetting(words, SIGNATURE_SKIP_SETTINGS) && isTrue(assignment.value));
      if (off) {
        report({ range: assignmentRange(assignment), message: `\`${assignment.name}\` set to \`${assignment.value.text}\` turns package signature checks off` });
        continue;
      }
      const isGpgcheckOption = assignment.name === 'option' && literalText(assignment.value) === 'gpgcheck';
      const optionValue = assignment.siblings.find((sibling) => sibling.name === 'value');
      if (isGpgcheckOption && optionValue && isFalse(optionValue.value)) {
        report({ range: assignmentRange(assignment), message: 'sets `gpgcheck` off in a repository file' });
        continue;
      }
      for (const value of ownStrings(assignment.value)) {
        if (OFF_IN_TEXT.test(value.value)) report({ range: rangeOfMatch(file, value.range, OFF_IN_TEXT), message: `\`${assignment.name}\` turns package signature checks off` });
      }
    }
    for (const command of commandsIn(file)) {
      for (const step of command.script.commands) {
        const { name, args } = effectiveProgram(step);
        const flag = unsignedInstallFlag(name, args);
        if (flag) report({ range: command.rangeOf(step), message: `\`${flag}\` installs packages without checking signatures` });
      }
    }
  },
};
