import type { Rule, RuleContext } from '../rule.js';
import type { Language, Unit } from '../../model/model.js';
import { formatByDestination } from '../../parsers/config/formats.js';
import {
  VALIDATING_WRITERS,
  VALIDATION_EXAMPLES,
  type ValidatingWriter,
} from '../knowledge/file-writers.js';
import { reportBinding, usePhrase, wholeBindings } from '../support/bindings.js';
import { basename } from '../support/commands.js';
import { pathShape, writtenPath } from '../support/destinations.js';
import { firstAttribute } from '../support/units.js';
import { removesResource } from '../support/values.js';
import { meta } from './meta.js';

type Guarded = 'sudoers' | 'sshd';

const CONSEQUENCE: Readonly<Record<Guarded, string>> = {
  sudoers:
    'one syntax error in a sudoers file stops sudo for every account, and with it all root access to the host',
  sshd: 'one bad line in the sshd configuration keeps sshd from starting again, which locks everyone out of SSH',
};

const WHAT: Readonly<Record<Guarded, string>> = {
  sudoers: 'a sudoers file',
  sshd: 'the sshd configuration',
};

/**
 * The file a path names, when a broken copy of it locks people out: sudoers and its drop-ins,
 * sshd_config and its drop-ins. A drop-in the daemon never reads is not: sudo skips names with
 * a dot or ending in `~`, and sshd includes `sshd_config.d/*.conf`.
 */
function guardedFile(path: string): Guarded | undefined {
  const format = formatByDestination(path)?.format;
  const name = basename(path);
  if (format === 'sudoers') {
    if (path.startsWith('/etc/sudoers.d/') && (name.includes('.') || name.endsWith('~')))
      return undefined;
    return 'sudoers';
  }
  if (format === 'sshd') {
    if (path.startsWith('/etc/ssh/sshd_config.d/') && !name.endsWith('.conf')) return undefined;
    return 'sshd';
  }
  return undefined;
}

/** The writer of a unit that puts new content in place without checking it first. */
function unvalidatedWriter(unit: Unit, language: Language): ValidatingWriter | undefined {
  const writer = VALIDATING_WRITERS[language]?.[unit.type];
  if (!writer || removesResource(unit, language)) return undefined;
  if (unit.attributes.some((attribute) => attribute.name === writer.validate)) return undefined;
  if (writer.content && !firstAttribute(unit, writer.content)) return undefined;
  return writer;
}

/** The writer's checking attribute as the code writes it: Ansible's as a YAML key. */
function validateName(writer: ValidatingWriter, language: Language): string {
  return language === 'ansible' ? `\`${writer.validate}:\`` : `\`${writer.validate}\``;
}

function problem(guarded: Guarded, language: Language): string {
  const example = VALIDATION_EXAMPLES[language]?.[guarded];
  if (!example) return CONSEQUENCE[guarded];
  return `${CONSEQUENCE[guarded]}; check it before it lands with \`${example}\``;
}

function checkUnit(context: RuleContext, unit: Unit): void {
  const { file } = context;
  const language = file.language;
  const writer = unvalidatedWriter(unit, language);
  if (!writer) return;
  const destination = firstAttribute(unit, writer.path);
  if (!destination) return;
  const path = pathShape(destination.value, language);
  const guarded = path === undefined ? undefined : guardedFile(path);
  if (guarded) {
    context.report({
      range: destination.value.range,
      message: `\`${unit.typeAsWritten}\` writes ${WHAT[guarded]} \`${writtenPath(destination.value)}\` with no ${validateName(writer, language)}: ${problem(guarded, language)}`,
    });
    return;
  }
  for (const binding of wholeBindings(context, destination.value, unit.within)) {
    const boundPath = pathShape(binding.value, language);
    const boundGuarded = boundPath === undefined ? undefined : guardedFile(boundPath);
    if (!boundGuarded) continue;
    reportBinding(
      context,
      binding,
      { range: destination.value.range, as: usePhrase(file, unit, destination.name) },
      `makes it write ${WHAT[boundGuarded]} with no ${validateName(writer, language)}: ${problem(boundGuarded, language)}`,
    );
  }
}

export const configDeployedWithoutValidation: Rule = {
  meta,
  check(context) {
    for (const unit of context.file.units) checkUnit(context, unit);
  },
};
