import type { Rule, RuleContext } from '../rule.js';
import { commandsIn, effectiveProgram, hasFlag, wgetWritesToStdout } from '../support/commands.js';
import { downloadOf } from '../support/downloads.js';
import { DOWNLOADERS } from '../knowledge/commands.js';
import { EXECUTABLE_ARTIFACT, VERIFIERS } from '../knowledge/downloads.js';
import { meta } from './meta.js';

const REMOTE = /^(https?|ftp|s3):\/\//i;
const PLAIN_HTTP = /^http:\/\//i;

/** `curl -o file URL`, `curl -O URL`, `wget URL`: the download is saved to a file. */
function savesDownloadToFile(name: string, args: readonly string[]): boolean {
  if (name === 'curl') return hasFlag(args, 'o', '--output') || hasFlag(args, 'O', '--remote-name');
  if (name === 'wget') return !wgetWritesToStdout(args);
  return false;
}

function checkResources(context: RuleContext): void {
  const { file, report } = context;
  for (const unit of file.units) {
    const download = downloadOf(context, unit);
    if (!download || download.verified) continue;
    const { what, url, checkOff } = download;
    if (checkOff) {
      report({
        range: checkOff.value.range,
        message: `\`${checkOff.name}\` set to \`${checkOff.value.text}\`: \`${unit.typeAsWritten}\` downloads ${what} without checking its checksum`,
      });
    } else if (url && PLAIN_HTTP.test(url)) {
      report({
        range: unit.typeRange,
        message: `\`${unit.typeAsWritten}\` downloads ${url} over plain HTTP and without a checksum: whoever can tamper with the network path can replace it`,
      });
    } else {
      report({
        range: unit.typeRange,
        message: `\`${unit.typeAsWritten}\` downloads ${what} without a checksum`,
      });
    }
  }
}

function checkCommands(context: RuleContext): void {
  for (const command of commandsIn(context.file)) {
    const verified = command.script.commands.some((step) =>
      VERIFIERS.has(effectiveProgram(step).name),
    );
    if (verified) continue;
    for (const step of command.script.commands) {
      const { name, args } = effectiveProgram(step);
      if (!DOWNLOADERS.has(name) || !savesDownloadToFile(name, args)) continue;
      const url = args.find((arg) => REMOTE.test(arg));
      if (!url || !EXECUTABLE_ARTIFACT.test(url)) continue;
      context.report({
        range: command.rangeOf(step),
        message: `\`${name}\` downloads ${url} and nothing verifies it`,
      });
    }
  }
}

export const missingIntegrityCheck: Rule = {
  meta,
  check(context) {
    checkResources(context);
    checkCommands(context);
  },
};
