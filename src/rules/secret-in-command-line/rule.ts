import type { Rule } from '../rule.js';
import { commandsIn, effectiveProgram, type CommandText } from '../support/commands.js';
import { isSecretName } from '../support/names.js';
import { secretReferencesIn, type SecretReference } from '../support/secrets.js';
import { rangeOfText } from '../support/source-lines.js';
import { meta } from './meta.js';

/** The program whose arguments carry the secret: the shell step the reference sits in. */
function programAround(command: CommandText, reference: SecretReference): string | undefined {
  const step = command.script.commands.find(
    (candidate) => candidate.start <= reference.index && reference.index < candidate.end,
  );
  const name = step ? effectiveProgram(step).name : undefined;
  // A folded line that starts with an option is the tail of the command above it, not a program.
  return name && /^[A-Za-z0-9_.+-]+$/.test(name) && !name.startsWith('-') ? name : undefined;
}

/** A one-way hash of the secret (`{{ admin_password | password_hash('bcrypt') }}`) is not the secret. */
const HASHED = /\|\s*(password_hash|hash|checksum)\b/;

export const secretInCommandLine: Rule = {
  meta,
  check({ file, report }) {
    for (const command of commandsIn(file)) {
      for (const reference of secretReferencesIn(command.text, file.language, isSecretName)) {
        if (HASHED.test(reference.expression)) continue;
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
