import type { Rule, RuleContext } from '../rule.js';
import type { Attribute, Unit, Value } from '../../model/model.js';
import { isFalse, literalText } from '../support/values.js';
import { attributeOf, keywordOf } from '../support/units.js';
import { meta } from './meta.js';

/** Words that say the answer is a credential. */
const SECRET_WORDS =
  /(pass(word|phrase|wd)|secret|token|api[_ -]?key|private[_ ]?key|credential|\bpin\b)/i;

function entry(value: Value, name: string): Value | undefined {
  return value.entries?.find((candidate) => candidate.name === name)?.value;
}

function text(value: Value | undefined): string {
  return value && typeof value.value === 'string' ? value.value : '';
}

/**
 * `vars_prompt` entries that ask for a credential and echo the answer. A hidden prompt is how
 * Ansible keeps a secret out of the repository when a person runs the play; it is left alone.
 */
function checkVarsPrompt(context: RuleContext, play: Unit): void {
  const prompts = keywordOf(play, 'vars_prompt');
  for (const item of prompts?.value.items ?? []) {
    const name = text(entry(item, 'name'));
    if (!SECRET_WORDS.test(name) && !SECRET_WORDS.test(text(entry(item, 'prompt')))) continue;
    const privateValue = entry(item, 'private');
    if (privateValue === undefined || !isFalse(privateValue)) continue;
    context.report({
      range: item.range,
      message: `The play asks for \`${name}\` at a prompt and shows the answer as it is typed (\`private: false\`): it lands on screen, in terminal scrollback and session recordings; set \`private: true\`, or read it from Ansible Vault or a secrets manager`,
    });
  }
}

/** A `pause` task whose prompt asks for a credential. */
function checkPause(context: RuleContext, task: Unit): void {
  if (task.type !== 'pause') return;
  const prompt = attributeOf(task, 'prompt');
  if (!prompt || !SECRET_WORDS.test(text(prompt.value))) return;
  const echo = attributeOf(task, 'echo');
  // `echo: false` hides the answer, as a hidden `vars_prompt` does.
  if (echo !== undefined && isFalse(echo.value)) return;
  context.report({
    range: prompt.range,
    message: `\`pause\` asks for a credential and shows it as it is typed (\`echo\` is on by default): it lands on screen and in terminal scrollback; set \`echo: false\`, or read it from Ansible Vault or a secrets manager`,
  });
}

/** `expect` answering a password prompt with a literal: the credential is written in the playbook. */
function checkExpect(context: RuleContext, task: Unit): void {
  if (task.type !== 'expect') return;
  const responses = attributeOf(task, 'responses');
  for (const answer of responses?.value.entries ?? []) {
    if (!SECRET_WORDS.test(answer.name)) continue;
    const literal = literalAnswer(answer);
    if (literal === undefined || literal === '') continue;
    context.report({
      range: answer.value.range,
      message: `\`expect\` answers the \`${answer.name}\` prompt with a password written in the playbook: anyone who can read the repository has it; take it from Ansible Vault (\`no_log: true\` on the task)`,
    });
  }
}

/** The literal answer (or the first of a list of answers), undefined when templated. */
function literalAnswer(answer: Attribute): string | undefined {
  const value = answer.value.kind === 'list' ? answer.value.items?.[0] : answer.value;
  return value ? literalText(value) : undefined;
}

function check(context: RuleContext): void {
  if (context.file.language !== 'ansible') return;
  for (const unit of context.file.units) {
    if (unit.kind === 'play') checkVarsPrompt(context, unit);
    if (unit.kind === 'task' || unit.kind === 'handler') {
      checkPause(context, unit);
      checkExpect(context, unit);
    }
  }
}

export const credentialPrompt: Rule = {
  meta,
  check,
};
