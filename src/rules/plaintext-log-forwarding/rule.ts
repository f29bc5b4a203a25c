import type { FileModel } from '../../model/model.js';
import type { Rule, RuleContext } from '../rule.js';
import { settingsOf, writtenSomewhere, type Setting } from '../support/config-settings.js';
import { meta } from './meta.js';

/** A legacy forwarding rule: a selector, then `@host` (UDP) or `@@host` (TCP), options in `(...)`. */
const LEGACY_FORWARD = /^\S+\s+(@@?)(\([^)]*\))?(\S+)/;

/**
 * What makes rsyslog's TCP forwarding use TLS: the legacy `$ActionSendStreamDriverMode 1`, or
 * `StreamDriverMode="1"` on an action or as a default. A file without it sends in plain text.
 */
const TLS_MODE = /StreamDriver\.?Mode\s*=?\s*"?1"?|\$ActionSendStreamDriverMode\s+1\b/i;

/** The text of a RainerScript `action(...)` that starts on a line, up to its closing bracket. */
function actionText(file: FileModel, line: number): string {
  let depth = 0;
  let text = '';
  for (let index = line - 1; index < file.lines.length; index += 1) {
    const content = file.lines[index] ?? '';
    text += `${content}\n`;
    depth += (content.match(/\(/g) ?? []).length - (content.match(/\)/g) ?? []).length;
    if (depth <= 0) break;
  }
  return text;
}

/** What a forwarding setting of an rsyslog file sends in plain text, if it does. */
function plaintextForward(
  file: FileModel,
  setting: Setting,
  fileUsesTls: boolean,
): string | undefined {
  const text = String(setting.value.value ?? setting.value.text);
  const legacy = LEGACY_FORWARD.exec(text);
  if (legacy) {
    const destination = legacy[3] ?? '';
    if (legacy[1] === '@')
      return `\`${legacy[0]}\` forwards the logs to \`${destination}\` over UDP, in plain text: anyone on the path reads them, and forged or dropped messages go unnoticed`;
    if (!fileUsesTls)
      return `\`${legacy[0]}\` forwards the logs to \`${destination}\` over TCP without TLS (no \`StreamDriverMode 1\` in the file): anyone on the path reads them and can alter them`;
    return undefined;
  }
  if (!/\btype\s*=\s*"omfwd"/i.test(text)) return undefined;
  const action = actionText(file, setting.range.line);
  // A mode or protocol the template computes may well be TLS.
  if (TLS_MODE.test(action) || /StreamDriver\.?Mode\s*=\s*"[^"]*(\{\{|\$\{|#\{)/i.test(action))
    return undefined;
  if (fileUsesTls && /protocol\s*=\s*"tcp"/i.test(action)) return undefined;
  const target = /target\s*=\s*"([^"]*)"/i.exec(action)?.[1];
  return `an \`omfwd\` action forwards the logs${target ? ` to \`${target}\`` : ''} without TLS (no \`StreamDriverMode="1"\`): anyone on the path reads them and can alter them`;
}

function checkRsyslog(context: RuleContext): void {
  const { file } = context;
  const fileUsesTls = file.lines.some((line) => TLS_MODE.test(line) && !/^\s*#/.test(line));
  for (const setting of settingsOf(context, ['rsyslog'])) {
    if (!writtenSomewhere(context, setting)) continue;
    const problem = plaintextForward(file, setting, fileUsesTls);
    if (problem) context.report({ range: setting.range, message: problem });
  }
}

/** `URL=http://…` in `journal-upload.conf`: the journal sent to the collector without TLS. */
function checkJournalUpload(context: RuleContext): void {
  for (const setting of settingsOf(context, ['journal-upload'])) {
    if (setting.name !== 'URL' || !writtenSomewhere(context, setting)) continue;
    const url = String(setting.value.value ?? setting.value.text).trim();
    if (/^http:\/\//i.test(url))
      context.report({
        range: setting.range,
        message: `\`URL=${url}\` in journal-upload.conf uploads the journal over HTTP, in plain text: anyone on the path reads every log line and can alter them`,
      });
  }
}

export const plaintextLogForwarding: Rule = {
  meta,
  check(context) {
    checkRsyslog(context);
    checkJournalUpload(context);
  },
};
