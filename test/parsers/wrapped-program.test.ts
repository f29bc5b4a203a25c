import { describe, expect, it } from 'vitest';
import { wrappedProgram } from '../../src/parsers/shell/wrapped-program.js';

const program = (text: string) => {
  const [name = '', ...args] = text.split(' ');
  return wrappedProgram({ name, args });
};

describe('the program a command runs behind wrappers', () => {
  it.each([
    ['sudo -u app chmod 777 /srv', 'chmod', ['777', '/srv']],
    ['sudo -E -u app bash -s', 'bash', ['-s']],
    ['sudo -u sh -c id', 'sh', ['-c', 'id']],
    ['env LANG=C nohup curl -k https://x.io', 'curl', ['-k', 'https://x.io']],
    [
      'timeout 30 wget --no-check-certificate https://x.io',
      'wget',
      ['--no-check-certificate', 'https://x.io'],
    ],
    ['nice -n 10 /usr/bin/rsync -a a b', 'rsync', ['-a', 'a', 'b']],
    ['find /srv -type d -exec chmod 777 {} ;', 'chmod', ['777', '{}']],
    ['find /srv -execdir sudo chmod o+w {} +', 'chmod', ['o+w', '{}']],
  ])('`%s` runs %s', (text, name, args) => {
    expect(program(text)).toEqual({ name, args });
  });

  it('keeps a wrapper with nothing after it, and a find without an action', () => {
    expect(program('sudo -l')).toEqual({ name: 'sudo', args: ['-l'] });
    expect(program('find /srv -name x')).toEqual({ name: 'find', args: ['/srv', '-name', 'x'] });
  });
});
