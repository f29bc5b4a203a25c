import type { Rule } from '../rule.js';
import type { Attribute, Unit } from '../../engine/model.js';
import { stringText } from '../support/values.js';
import { commandsIn, effectiveProgram, hasFlag, wgetWritesToStdout } from '../support/commands.js';
import { DOWNLOADERS } from '../knowledge/commands.js';
import { DOWNLOAD_RESOURCES, EXECUTABLE_ARTIFACT, VERIFICATION_FILE, VERIFIERS } from '../knowledge/downloads.js';

const REMOTE = /^(https?|ftp):\/\//i;

/** The first of `names`, in that order of preference, that the unit sets. */
function attribute(unit: Unit, names: readonly string[]): Attribute | undefined {
  for (const name of names) {
    const found = unit.attributes.find((candidate) => candidate.name === name);
    if (found) return found;
  }
  return undefined;
}

/** `curl -o file URL`, `curl -O URL`, `wget URL`: the download is saved to a file. */
function savesDownloadToFile(name: string, args: readonly string[]): boolean {
  if (name === 'curl') return hasFlag(args, 'o', '--output') || hasFlag(args, 'O', '--remote-name');
  if (name === 'wget') return !wgetWritesToStdout(args);
  return false;
}

export const missingIntegrityCheck: Rule = {
  meta: {
    id: 'missing-integrity-check',
    title: 'Download without an integrity check',
    severity: 'medium',
    category: 'missing-integrity-check',
    languages: ['ansible', 'puppet', 'chef'],
    description:
      'Something is downloaded and then installed or used without checking a checksum or signature. A compromised mirror, a hijacked DNS name or a man in the middle can then replace it with anything, and the host will run it.',
    remediation:
      'Pin the expected digest (`checksum: sha256:<digest>` on `get_url`, `checksum` on Chef `remote_file` and Puppet `archive`) or verify a signature before use. For shell downloads, check the file with `sha256sum -c` or `gpg --verify` in the same command.',
    cwe: 'CWE-494',
  },
  check({ file, report }) {
    const table = DOWNLOAD_RESOURCES[file.language];
    for (const unit of file.units) {
      const resource = table[unit.type];
      if (!resource) continue;
      const source = attribute(unit, resource.source);
      const sourceText = source ? stringText(source.value) : undefined;
      if (!source || sourceText === undefined) continue;
      if (!resource.alwaysRemote && !REMOTE.test(sourceText)) continue;
      if (VERIFICATION_FILE.test(sourceText)) continue;
      if (attribute(unit, resource.integrity)) continue;
      report({ range: unit.typeRange, message: `\`${unit.typeAsWritten}\` downloads ${sourceText} without a checksum` });
    }
    for (const command of commandsIn(file)) {
      const verified = command.script.commands.some((step) => VERIFIERS.has(effectiveProgram(step).name));
      if (verified) continue;
      for (const step of command.script.commands) {
        const { name, args } = effectiveProgram(step);
        if (!DOWNLOADERS.has(name) || !savesDownloadToFile(name, args)) continue;
        const url = args.find((arg) => REMOTE.test(arg));
        if (!url || !EXECUTABLE_ARTIFACT.test(url)) continue;
        report({ range: command.rangeOf(step), message: `\`${name}\` downloads ${url} and nothing verifies it` });
      }
    }
  },
};
