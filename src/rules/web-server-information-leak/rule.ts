import type { Rule } from '../rule.js';
import { checkSettings, type Judge, type Verdict } from '../support/config-settings.js';
import { lookupTable } from '../../shared/lookup-table.js';
import { meta } from './meta.js';

/** The value as the server reads it: without nginx's `;` or quotes. */
function bareValue(value: string): string {
  const withoutEnd = value.replace(/;\s*$/, '').trim();
  return (/^(["'])(.*)\1$/.exec(withoutEnd)?.[2] ?? withoutEnd).toLowerCase();
}

/**
 * What an nginx or Apache httpd setting gives away, by lower-case name; the values that do it.
 * Only values written out: nginx's `server_tokens` and Apache's `ServerTokens`, `ServerSignature`
 * and `TraceEnable` leak by default, and a file that leaves them out is a baseline matter, not
 * a change a reviewer can point at.
 */
const NGINX: Readonly<Record<string, (value: string) => Verdict | undefined>> = lookupTable({
  server_tokens: (value) =>
    value === 'on' || value === 'build'
      ? {
          problem:
            "nginx names its version in every response's `Server` header and on its error pages, telling a scanner which known flaws to try",
        }
      : undefined,
  autoindex: (value) =>
    value === 'on'
      ? {
          problem:
            'nginx lists the files of every folder without an index page to anyone who asks, backups and forgotten files included',
        }
      : undefined,
});

/** What Apache's `ServerTokens` values put in the `Server` header, for those naming its exact version. */
const SERVER_TOKENS: Readonly<Record<string, string>> = lookupTable({
  full: "Apache's exact version, the operating system and the modules with theirs",
  os: "Apache's exact version and the operating system",
  minimal: "Apache's exact version",
  min: "Apache's exact version",
});

const APACHE: Readonly<Record<string, (value: string) => Verdict | undefined>> = lookupTable({
  servertokens: (value) => {
    const shown = SERVER_TOKENS[value];
    return shown
      ? {
          problem: `every response's \`Server\` header names ${shown}, telling a scanner which known flaws to try`,
        }
      : undefined;
  },
  serversignature: (value) =>
    value === 'on' || value === 'email'
      ? {
          problem:
            'error pages and folder listings end with a line naming the server and its version',
        }
      : undefined,
  traceenable: (value) =>
    value === 'on' || value === 'extended'
      ? {
          problem:
            'the TRACE method echoes each request back with its headers, cookies and `Authorization` included, which cross-site tracing reads where scripts cannot',
        }
      : undefined,
});

const judge: Judge = (name, value, setting) => {
  const settings = setting.format === 'nginx' ? NGINX : APACHE;
  return settings[name.toLowerCase()]?.(bareValue(value));
};

export const webServerInformationLeak: Rule = {
  meta,
  check(context) {
    checkSettings(context, ['nginx', 'apache'], judge);
  },
};
