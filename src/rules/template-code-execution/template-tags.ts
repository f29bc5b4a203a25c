/**
 * Code in the templates a role, module or cookbook deploys that runs commands or evaluates text
 * as code while the template renders: in ERB (Chef on the node, Puppet on the server) backticks,
 * `%x()`, `system`, `IO.popen`, `eval`; in Jinja (Ansible, on the controller) `pipe` and `lines`
 * lookups.
 */
import type { FileModel } from '../../model/model.js';
import { erbTags } from '../../parsers/templates/erb-tags.js';
import { jinjaTags } from '../../parsers/templates/jinja-tags.js';
import { TemplateSyntaxError, type TemplateTag } from '../../parsers/templates/tags.js';

export interface TemplateExecution {
  /** offset of the tag in the template */
  offset: number;
  /** what the code does, for the message */
  what: string;
  /** the code runs text built from values (an interpolated command, `eval` of a variable) */
  built: boolean;
}

/** Ruby that runs a shell command or evaluates a string as code. */
const RUBY_EXECUTION: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /`[^`]*`/, what: 'runs a shell command with backticks' },
  { pattern: /%x[({[|]/, what: 'runs a shell command with `%x`' },
  {
    pattern: /(?<![\w.])(system|exec|spawn)\s*[( ]\s*['"[]/,
    what: 'runs a shell command with `system`',
  },
  {
    pattern: /\b(IO\.popen|Open3\.\w+|Kernel\.(system|exec|spawn)|open\s*\(\s*['"]\|)/,
    what: 'runs a shell command',
  },
  {
    pattern: /(?<![\w.])(eval|instance_eval|class_eval|module_eval|binding\.eval)\s*[( ]/,
    what: 'evaluates a string as Ruby code',
  },
];

/** Jinja lookups that run a command on the controller: `pipe` runs it, `lines` reads its output. */
const JINJA_COMMAND_LOOKUP = /\b(lookup|query|q)\s*\(\s*['"](pipe|lines)['"]\s*,\s*([^)]*)\)/;

export function templateExecutions(file: FileModel): TemplateExecution[] {
  if (!file.config?.template) return [];
  const source = file.lines.join('\n');
  const path = file.path.toLowerCase();
  let tags: TemplateTag[];
  try {
    // As with Ruby below (`mayRunRuby`), a lookup in a tag is a lookup in the text.
    if (path.endsWith('.j2') || path.endsWith('.jinja') || path.endsWith('.jinja2'))
      return JINJA_COMMAND_LOOKUP.test(source) ? jinjaExecutions(jinjaTags(source)) : [];
    // EPP holds Puppet code, which has no way to run a command but `generate()`.
    if (path.endsWith('.epp')) return [];
    if (!mayRunRuby(source)) return [];
    tags = erbTags(source, 'ruby');
  } catch (error) {
    // A malformed template runs nothing; anything else is a defect, and the file fails.
    if (error instanceof TemplateSyntaxError) return [];
    throw error;
  }
  return rubyExecutions(tags);
}

/**
 * Whether Ruby that runs something can be in the text at all. A tag's code is a slice of the
 * text, and the character before it is a delimiter or a space, so what matches in the code
 * matches in the text too; most templates match nothing and need not be parsed.
 */
function mayRunRuby(text: string): boolean {
  return RUBY_EXECUTION.some(({ pattern }) => pattern.test(text));
}

export function rubyExecution(code: string): { what: string; built: boolean } | undefined {
  for (const { pattern, what } of RUBY_EXECUTION) {
    const match = pattern.exec(code);
    if (!match) continue;
    // Evaluating text as code is the problem whatever the text; a command is when built from values.
    const evaluates = what.startsWith('evaluates');
    return { what, built: evaluates || /#\{|@\w|\+\s*\w/.test(code.slice(match.index)) };
  }
  return undefined;
}

export function jinjaCommandLookup(code: string): { what: string; built: boolean } | undefined {
  const match = JINJA_COMMAND_LOOKUP.exec(code);
  if (!match) return undefined;
  const argument = (match[3] ?? '').trim();
  const literal = /^(['"])[^'"{]*\1$/.test(argument);
  return {
    what: `runs a command on the controller with the \`${match[2]}\` lookup`,
    built: !literal,
  };
}

function rubyExecutions(tags: readonly TemplateTag[]): TemplateExecution[] {
  return tags.flatMap((tag) => {
    if (tag.kind === 'comment') return [];
    const found = rubyExecution(tag.code);
    return found ? [{ offset: tag.start, ...found }] : [];
  });
}

function jinjaExecutions(tags: readonly TemplateTag[]): TemplateExecution[] {
  return tags.flatMap((tag) => {
    if (tag.kind === 'comment') return [];
    // A fixed command on the controller (`date`, `whoami`) is a common and harmless helper.
    const found = jinjaCommandLookup(tag.code);
    return found?.built ? [{ offset: tag.start, ...found }] : [];
  });
}
