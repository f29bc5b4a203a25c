import type { Rule } from '../rule.js';
import { commandsIn, effectiveProgram, type CommandText } from '../support/commands.js';
import { isSecretName } from '../support/names.js';
import { secretReferencesIn, type SecretReference } from '../support/secrets.js';
import { rangeOfText } from '../support/source-lines.js';

/** The program whose arguments carry the secret: the shell step the reference sits in. */
function programAround(command: CommandText, reference: SecretReference): string | undefined {
  const step = command.script.commands.find(
    (candidate) => candidate.start <= reference.index && reference.index < candidate.end,
  );
  const name = step ? effectiveProgram(step).name : undefined;
  // A folded line that starts with an option is the tail of the command above it, not a program.
  return name && /^[A-Za-z0-9_.+-]+$/.test(name) && !name.startsWith('-') ? name : undefined;
}

export const secretInCommandLine: Rule = {
  meta: {
    id: 'secret-in-command-line',
    title: 'Secret interpolated into a command line',
    severity: 'medium',
    category: 'secret-exposure',
    languages: ['ansible', 'puppet', 'chef'],
    description:
      "A password, token or key is written into the text of a command (`shell: mysql -p{{ mysql_root_password }}`, `exec { command => \"... ${db_password}\" }`, `execute \"... #{node['app']['password']}\"`). While the command runs, every user of the host can read its arguments in the process list (`ps`, `/proc/<pid>/cmdline`), and the command text is written to the run's output, reports and logs, where `no_log` or `sensitive` do not reach the process list.",
    remediation:
      'Hand the secret to the program another way: through its standard input (`stdin:` in Ansible), an environment variable the task or resource sets (`environment:`, `environment =>`), or a credentials file with a tight mode (`~/.my.cnf`, `--defaults-extra-file`, `--password-file`). Prefer the module or resource type made for the job (`mysql_user`, `postgresql_user`), which keeps the secret off the command line.',
    cwe: 'CWE-214',
    catalog: ['SEC-08'],
  },
  check({ file, report }) {
    for (const command of commandsIn(file)) {
      for (const reference of secretReferencesIn(command.text, file.language, isSecretName)) {
        const program = programAround(command, reference);
        const where = program ? `the command line of \`${program}\`` : 'the command line';
        report({
          range: rangeOfText(file, command.range, reference.expression),
          message: `\`${reference.name}\` is put on ${where}: while it runs, any user of the host can read the secret in the process list, and the command text lands in the run's output and logs`,
        });
      }
    }
  },
};
