import type { Rule } from '../rule.js';
import type { ShellCommand } from '../../parsers/shell/parse-shell.js';
import { commandsIn, effectiveProgram, wgetWritesToStdout } from '../support/commands.js';
import { DOWNLOADERS, SHELL_INTERPRETERS } from '../knowledge/commands.js';

function downloadsToStdout(command: ShellCommand): boolean {
  const { name, args } = effectiveProgram(command);
  if (name === 'curl') return !args.some((arg) => arg === '-o' || arg === '-O' || arg === '--output' || arg === '--remote-name');
  if (name === 'wget') return wgetWritesToStdout(args);
  return DOWNLOADERS.has(name);
}

function runsScript(command: ShellCommand): boolean {
  const { name } = effectiveProgram(command);
  return SHELL_INTERPRETERS.has(name) || name === 'source' || name === '.';
}

/** `bash <(curl ...)`, `sh -c "$(curl ...)"`: the download is the script. */
const SUBSTITUTED_DOWNLOAD = /(<\(|\$\(|`)\s*(sudo\s+)?(curl|wget)\b/;

export const pipeToShell: Rule = {
  meta: {
    id: 'pipe-to-shell',
    title: 'Remote script piped into a shell',
    severity: 'high',
    category: 'pipe-to-shell',
    languages: ['ansible', 'puppet', 'chef'],
    description:
      'A script is downloaded and run in one step (`curl ... | sh`, `bash <(wget -O- ...)`). Nothing checks what arrived: whoever controls the server, its DNS or the network path runs code on the host, often as root. A partial download can also run half a script.',
    remediation:
      'Download the script to a file, verify its checksum or signature, then run it; better, install the software from a signed package or pin a release artifact by digest.',
    cwe: 'CWE-494',
  },
  check({ file, report }) {
    for (const command of commandsIn(file)) {
      const piped = command.script.pipelines.find((pipeline) =>
        pipeline.some((step, index) => downloadsToStdout(step) && pipeline.slice(index + 1).some(runsScript)),
      )?.[0];
      const substituted = command.script.commands.find(
        (step) => runsScript(step) && SUBSTITUTED_DOWNLOAD.test(command.text.slice(step.start, step.end)),
      );
      const step = piped ?? substituted;
      if (step) report({ range: command.rangeOf(step), message: 'a downloaded script is run without being verified' });
    }
  },
};
