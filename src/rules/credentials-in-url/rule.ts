import type { Report, Rule } from '../rule.js';
import type { FileModel, Value } from '../../model/model.js';
import { assignments } from '../support/assignments.js';
import { ownStrings } from '../support/values.js';
import { judgeSecretLiteral, maskSecret } from '../support/secrets.js';
import { rangeOfText } from '../support/source-lines.js';
import { credentialUrls, type CredentialUrl } from '../support/urls.js';
import { meta } from './meta.js';

/** Text computed at run time: the password is a reference, not a literal (`{{pw}}`, `${pw}`, `#{pw}`, `$PW`). */
const COMPUTED = /\{\{|\{%|\$\{|#\{|%\{|^\$|\$\(|<%/;

/** Strings a URL can sit in: values of assignments, free calls' arguments, deployed config settings. */
function* stringsOf(file: FileModel): Generator<Value & { value: string }> {
  for (const assignment of assignments(file)) yield* ownStrings(assignment.value);
  for (const unit of file.units)
    if (unit.kind === 'call')
      for (const attribute of unit.attributes) yield* ownStrings(attribute.value);
  for (const directive of file.config?.directives ?? []) yield* ownStrings(directive.value);
}

/** The URL as a message shows it: the password masked, the rest as written. */
function shown(url: CredentialUrl): string {
  return `\`${url.scheme}://${url.user}:…@${url.host}\``;
}

export const credentialsInUrl: Rule = {
  meta,
  check({ file, report }) {
    const reported = new Set<string>();
    for (const string of stringsOf(file)) {
      for (const url of credentialUrls(string.value)) {
        if (COMPUTED.test(url.password)) continue;
        const verdict = judgeSecretLiteral(decodeURIComponentSafely(url.password), url.user);
        if (!verdict) continue;
        const range = rangeOfText(file, string.range, url.text);
        const key = `${range.line}:${range.column}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const finding: Report =
          verdict === 'credential'
            ? {
                range,
                message: `The URL ${shown(url)} carries a literal password ${maskSecret(url.password)}: it is readable in the repository and wherever the URL is logged`,
              }
            : {
                range,
                message: `The URL ${shown(url)} carries the placeholder or well-known password \`${url.password}\`: a deployment that keeps it runs with a public password`,
                severity: 'low',
              };
        report(finding);
      }
    }
  },
};

/** `p%40ss` is `p@ss`; text that is not valid percent-encoding stays as written. */
function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
