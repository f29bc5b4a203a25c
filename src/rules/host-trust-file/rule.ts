import type { Language, SourceRange, Unit, Value } from '../../model/model.js';
import type { Rule, RuleContext } from '../rule.js';
import { checkSettings } from '../support/config-settings.js';
import { commandsIn } from '../support/commands.js';
import { pathShape, writtenPath } from '../support/destinations.js';
import { literalText, removesResource, stringText } from '../support/values.js';
import { attributeOf, firstAttribute } from '../support/units.js';
import { lookupTables } from '../../shared/lookup-table.js';
import { meta } from './meta.js';

/**
 * The files the r-commands and sshd's host-based login read to let a user in without a
 * password: the system-wide `hosts.equiv` and `shosts.equiv`, and each user's own `.rhosts`
 * and `.shosts`.
 */
const TRUST_FILE = /(^|\/)(etc\/(hosts|shosts)\.equiv|\.[rs]hosts)$/;

interface TrustWriter {
  /** attributes naming the file, in order of preference */
  path: readonly string[];
  /** attributes holding the entries written, when the writer says them */
  content: readonly string[];
  /**
   * For a writer that may also only change an existing file's owner and mode: the states in
   * which it creates one, and the attributes that give it content (and so create it) whatever
   * the state says.
   */
  creates?: { attribute: string; states: readonly string[]; withAny?: readonly string[] };
}

/** Tasks and resources that create a file or write lines into it, per language. */
const TRUST_WRITERS: Partial<Record<Language, Readonly<Record<string, TrustWriter>>>> =
  lookupTables({
    ansible: {
      copy: { path: ['dest'], content: ['content'] },
      template: { path: ['dest'], content: [] },
      assemble: { path: ['dest'], content: [] },
      get_url: { path: ['dest'], content: [] },
      lineinfile: { path: ['path', 'dest', 'destfile', 'name'], content: ['line'] },
      blockinfile: { path: ['path', 'dest', 'destfile', 'name'], content: ['block'] },
      file: {
        path: ['path', 'dest', 'name'],
        content: [],
        creates: { attribute: 'state', states: ['touch', 'link', 'hard'] },
      },
    },
    puppet: {
      file: {
        path: ['path', 'title'],
        content: ['content'],
        creates: {
          attribute: 'ensure',
          states: ['file', 'present', 'link'],
          withAny: ['content', 'source', 'target'],
        },
      },
      file_line: { path: ['path'], content: ['line'] },
      concat: { path: ['path', 'title'], content: [] },
    },
    chef: {
      file: { path: ['path', 'name'], content: ['content'] },
      template: { path: ['path', 'name'], content: [] },
      cookbook_file: { path: ['path', 'name'], content: [] },
      remote_file: { path: ['path', 'name'], content: [] },
      link: { path: ['target_file', 'name'], content: [] },
      append_if_no_line: { path: ['path', 'name'], content: ['line'] },
      replace_or_add: { path: ['path', 'name'], content: ['line'] },
    },
  });

/**
 * An entry that trusts any host or any user: `+` alone or as the host (every host), or `+` as
 * the user (any user of the trusted host may log in as anyone here).
 */
function wildcardEntry(text: string): string | undefined {
  for (const line of text.split('\n')) {
    const [host, user] = line.trim().split(/\s+/);
    if (host === '+' || user === '+') return line.trim();
  }
  return undefined;
}

/** The file a trust writer manages, when it is a trust file. */
function trustFileOf(unit: Unit, language: Language): { path: Value; name: string } | undefined {
  const writer = TRUST_WRITERS[language]?.[unit.type];
  if (!writer) return undefined;
  const path = firstAttribute(unit, writer.path);
  const shape = path ? pathShape(path.value, language) : undefined;
  if (!path || !shape || !TRUST_FILE.test(shape.trim())) return undefined;
  return { path: path.value, name: writtenPath(path.value).trim() };
}

function createsFile(unit: Unit, language: Language): boolean {
  const writer = TRUST_WRITERS[language]?.[unit.type];
  if (!writer?.creates) return true;
  const { withAny = [] } = writer.creates;
  if (unit.attributes.some((attribute) => withAny.includes(attribute.name))) return true;
  const state = attributeOf(unit, writer.creates?.attribute);
  const said = state ? literalText(state.value)?.toLowerCase() : undefined;
  return said !== undefined && writer.creates.states.includes(said);
}

/** The wildcard entry the unit writes, and where, when its content says one. */
function wildcardWritten(
  unit: Unit,
  language: Language,
): { entry: string; range: SourceRange } | undefined {
  const writer = TRUST_WRITERS[language]?.[unit.type];
  for (const attribute of unit.attributes) {
    if (!writer?.content.includes(attribute.name)) continue;
    const text = stringText(attribute.value);
    const entry = text === undefined ? undefined : wildcardEntry(text);
    if (entry !== undefined) return { entry, range: attribute.value.range };
  }
  return undefined;
}

const WHY =
  'a host or user it names logs in here without a password, on the word of a machine the attacker may control or impersonate';

function checkWriters(context: RuleContext): void {
  const { file } = context;
  for (const unit of file.units) {
    if (removesResource(unit, file.language) || !createsFile(unit, file.language)) continue;
    const trust = trustFileOf(unit, file.language);
    if (!trust) continue;
    const wildcard = wildcardWritten(unit, file.language);
    if (wildcard) {
      context.report({
        range: wildcard.range,
        message: `\`${unit.typeAsWritten}\` writes \`${wildcard.entry}\` into \`${trust.name}\`: the \`+\` trusts every host or every user, so anyone who can reach the r-services or host-based SSH logs in without a password`,
      });
      continue;
    }
    context.report({
      range: trust.path.range,
      severity: 'medium',
      message: `\`${unit.typeAsWritten}\` deploys the host trust file \`${trust.name}\`: ${WHY}`,
    });
  }
}

/** `echo '+ +' >> /etc/hosts.equiv`, `touch ~/.rhosts`: shell that writes a trust file. */
const SHELL_WRITE =
  /(>>?|\btouch\s+|\btee\s+(-a\s+)?)\s*["']?(\S*(hosts|shosts)\.equiv|\S*\/\.[rs]hosts)\b/;

function checkCommands(context: RuleContext): void {
  for (const command of commandsIn(context.file)) {
    const match = SHELL_WRITE.exec(command.text);
    if (!match?.[3]) continue;
    const path = match[3];
    if (!TRUST_FILE.test(path.replace(/^["']/, ''))) continue;
    const wildcard = /(^|[\s'"])\+(\s|$)/.test(command.text.slice(0, match.index));
    context.report({
      range: command.range,
      ...(wildcard ? {} : { severity: 'medium' as const }),
      message: wildcard
        ? `the command writes a \`+\` entry into \`${path}\`: it trusts every host or every user, so anyone who can reach the r-services or host-based SSH logs in without a password`
        : `the command writes the host trust file \`${path}\`: ${WHY}`,
    });
  }
}

/** `pam_rhosts.so` (and the older `pam_rhosts_auth.so`) lets a login in on a trust file's word. */
const RHOSTS_MODULE = /(^|[\s/])pam_rhosts(_auth)?\.so\b/;

function checkPam(context: RuleContext): void {
  checkSettings(context, ['pam'], (_name, value) =>
    RHOSTS_MODULE.test(value)
      ? {
          problem:
            'the stack accepts logins that `.rhosts` or `hosts.equiv` vouch for, with no password',
        }
      : undefined,
  );
}

export const hostTrustFile: Rule = {
  meta,
  check(context) {
    checkWriters(context);
    checkCommands(context);
    checkPam(context);
  },
};
