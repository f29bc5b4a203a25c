import { beforeAll, describe, expect, it } from 'vitest';
import type { Directive, FileModel, Language } from '../../../src/model/model.js';
import { deployedConfigFormat, formatByDestination } from '../../../src/parsers/config/formats.js';
import { initParsers, parseFile } from '../../../src/languages/parse-file.js';

beforeAll(async () => {
  await initParsers();
});

function parsed(path: string, source: string, language: Language): FileModel {
  const outcome = parseFile(path, source, language);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.model;
}

/** `line:column name=value`, the column being where the value starts. */
function summary(directive: Directive): string {
  const flags = `${directive.value.dynamic ? ' (dynamic)' : ''}${directive.conditional ? ' (conditional)' : ''}`;
  return `${directive.range.line}:${directive.value.range.column} ${directive.name}=${directive.value.text}${flags}`;
}

describe('recognising PAM and login.defs files', () => {
  it.each([
    ['roles/base/templates/pam.d/common-auth.j2', 'pam'],
    ['roles/base/files/pam.d/sshd', 'pam'],
    ['roles/base/templates/etc/pam.d/su.j2', 'pam'],
    ['modules/pam/templates/system-auth.erb', 'pam'],
    ['modules/pam/templates/password-auth-ac.epp', 'pam'],
    ['templates/default/common-password.erb', 'pam'],
    ['templates/default/pam.d/login.erb', 'pam'],
    ['roles/base/templates/common-session-noninteractive.j2', 'pam'],
    ['roles/base/templates/login.defs.j2', 'login-defs'],
    ['modules/accounts/files/login.defs', 'login-defs'],
    ['templates/default/login.defs.erb', 'login-defs'],
  ])('%s is %s', (path, format) => {
    expect(deployedConfigFormat(path)?.format).toBe(format);
  });

  it.each([
    'roles/base/templates/sshd_config.j2',
    'roles/base/templates/auth.conf.j2',
    'roles/base/templates/login.j2',
    'pam.d/common-auth',
    'login.defs',
  ])('%s is not one', (path) => {
    expect(deployedConfigFormat(path)?.format ?? 'none').not.toMatch(/^(pam|login-defs)$/);
  });

  it('recognises them by where they are deployed', () => {
    expect(formatByDestination('/etc/pam.d/sshd')?.format).toBe('pam');
    expect(formatByDestination('/etc/pam.d/common-auth')?.format).toBe('pam');
    expect(formatByDestination('/etc/login.defs')?.format).toBe('login-defs');
    expect(formatByDestination('/etc/pam.conf')).toBeUndefined();
    expect(formatByDestination('/etc/security/pam_env.conf')).toBeUndefined();
  });
});

describe('reading PAM and login.defs files', () => {
  it('reads a PAM line as its type and the rest, bracketed controls and all', () => {
    const model = parsed(
      'roles/base/templates/pam.d/common-auth.j2',
      [
        '# {{ ansible_managed }}',
        '@include common-account',
        'auth\t[success=1 default=ignore]\tpam_unix.so nullok # Debian',
        'auth requisite pam_deny.so',
        '-session optional pam_systemd.so',
        '{% if pam_mfa %}',
        'auth required pam_google_authenticator.so',
        '{% endif %}',
        'password sufficient pam_unix.so {{ pam_hash }} shadow',
      ].join('\n'),
      'ansible',
    );
    expect(model.config?.format).toBe('pam');
    expect(model.config?.directives.map(summary)).toEqual([
      '3:6 auth=[success=1 default=ignore]\tpam_unix.so nullok',
      '4:6 auth=requisite pam_deny.so',
      '7:6 auth=required pam_google_authenticator.so (conditional)',
      '9:10 password=sufficient pam_unix.so {{ pam_hash }} shadow (dynamic)',
    ]);
  });

  it('reads login.defs keywords', () => {
    const model = parsed(
      'templates/default/login.defs.erb',
      [
        '# Managed by Chef',
        'PASS_MAX_DAYS   90',
        "ENCRYPT_METHOD <%= node['login']['encrypt_method'] %>",
        'UMASK 022',
      ].join('\n'),
      'chef',
    );
    expect(model.config?.format).toBe('login-defs');
    expect(model.config?.directives.map(summary)).toEqual([
      '2:17 PASS_MAX_DAYS=90',
      "3:16 ENCRYPT_METHOD=#{node['login']['encrypt_method']} (dynamic)",
      '4:7 UMASK=022',
    ]);
  });
});
