/**
 * Keys and Diffie-Hellman parameters too short to resist factoring or discrete-log attacks
 * within their lifetime: RSA, DSA and DH below 2048 bits (NIST SP 800-131A has disallowed them
 * since 2013), from the modules and resources that generate them and from `openssl` and
 * `ssh-keygen` command lines.
 */
import type { Attribute, Unit } from '../../model/model.js';
import type { RuleContext } from '../rule.js';
import { valueRange } from '../support/assignments.js';
import { bindings, reportBinding, usePhrase } from '../support/bindings.js';
import { literalText, removesResource } from '../support/values.js';
import { attributeOf } from '../support/units.js';
import { lookupTables } from '../../shared/lookup-table.js';

export const MINIMUM_BITS = 2048;

/** A key generator: the attribute giving its size and the one naming its kind, if any. */
interface KeyGenerator {
  size: string;
  /** the attribute naming the algorithm; absent: always RSA or DH */
  type?: string;
  /** what it makes, for messages */
  what: string;
}

/** By language and short type name. */
const GENERATORS: Readonly<Record<string, Readonly<Record<string, KeyGenerator>>>> = lookupTables({
  ansible: {
    openssl_privatekey: { size: 'size', type: 'type', what: 'private key' },
    openssl_privatekey_pipe: { size: 'size', type: 'type', what: 'private key' },
    openssl_dhparam: { size: 'size', what: 'Diffie-Hellman parameters' },
    openssh_keypair: { size: 'size', type: 'type', what: 'SSH key' },
  },
  puppet: {
    ssl_pkey: { size: 'size', type: 'authentication', what: 'private key' },
    dhparam: { size: 'size', what: 'Diffie-Hellman parameters' },
    'openssl::dhparam': { size: 'size', what: 'Diffie-Hellman parameters' },
    'openssl::certificate::x509': { size: 'key_size', what: 'certificate key' },
  },
  chef: {
    openssl_rsa_private_key: { size: 'key_length', what: 'RSA private key' },
    openssl_rsa_key: { size: 'key_length', what: 'RSA private key' },
    openssl_dhparam: { size: 'key_length', what: 'Diffie-Hellman parameters' },
    openssl_x509_certificate: { size: 'key_length', type: 'key_type', what: 'certificate key' },
    openssl_x509: { size: 'key_length', type: 'key_type', what: 'certificate key' },
  },
});

/** Kinds whose size is a curve's, not a modulus: 256 bits of elliptic curve is strong. */
const CURVE_KINDS = /^:?(ecc|ec|ecdsa|ed25519|ed448|x25519|x448)$/i;

function tooShort(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  const bits = Number(text);
  return bits > 0 && bits < MINIMUM_BITS ? bits : undefined;
}

function problem(what: string, bits: number): string {
  return `generates ${bits}-bit ${what}, below the ${MINIMUM_BITS} bits a key or Diffie-Hellman group needs to resist factoring and Logjam-style precomputation`;
}

function checkUnit(context: RuleContext, unit: Unit, generator: KeyGenerator): void {
  const attribute = (name: string): Attribute | undefined => attributeOf(unit, name);
  const kind = generator.type ? attribute(generator.type) : undefined;
  const kindText = kind?.value.dynamic ? undefined : kind?.value.text.replace(/['"]/g, '');
  // DSA keys are 1024 bits whatever size is asked (OpenSSH generates no other), and OpenSSH
  // refuses them since 7.0.
  if (kind && kindText !== undefined && /^dsa$/i.test(kindText)) {
    context.report({
      range: valueRange(kind, kind.value),
      message: `\`${unit.typeAsWritten}\` generates a DSA ${generator.what}: 1024 bits, below the ${MINIMUM_BITS} bits a key needs, and refused by OpenSSH since 7.0`,
    });
    return;
  }
  if (kind && (kindText === undefined || CURVE_KINDS.test(kindText))) return;
  const size = attribute(generator.size);
  if (!size) return;
  const bits = tooShort(literalText(size.value));
  if (bits !== undefined) {
    context.report({
      range: valueRange(size, size.value),
      message: `\`${unit.typeAsWritten}\` ${problem(generator.what, bits)}`,
    });
    return;
  }
  for (const binding of bindings(context, size.value, unit.within)) {
    const boundBits = tooShort(literalText(binding.value));
    if (boundBits === undefined) continue;
    reportBinding(
      context,
      binding,
      { range: size.value.range, as: usePhrase(context.file, unit, size.name) },
      `so \`${unit.typeAsWritten}\` ${problem(generator.what, boundBits)}`,
    );
  }
}

/** Modules and resources that generate keys or DH parameters shorter than 2048 bits. */
export function checkKeyGenerators(context: RuleContext): void {
  const generators = GENERATORS[context.file.language] ?? {};
  for (const unit of context.file.units) {
    const generator = generators[unit.type];
    if (generator && !removesResource(unit, context.file.language))
      checkUnit(context, unit, generator);
  }
}

/**
 * `openssl genrsa 1024`, `openssl dhparam -out dh.pem 1024`, `openssl req -newkey rsa:1024`,
 * `openssl genpkey -pkeyopt rsa_keygen_bits:1024`, `ssh-keygen -b 1024` (RSA unless `-t` says
 * otherwise) and `ssh-keygen -t dsa`, which is 1024 bits always.
 */
export function shortKeyCommand(name: string, args: readonly string[]): string | undefined {
  if (name === 'openssl') {
    const sub = args[0];
    if (sub === 'genrsa' || sub === 'dhparam' || sub === 'gendsa' || sub === 'dsaparam') {
      const bits = tooShort(
        args
          .slice(1)
          .find((arg, index, rest) => /^\d+$/.test(arg) && !/^-/.test(rest[index - 1] ?? '')),
      );
      return bits === undefined ? undefined : `\`openssl ${sub}\` with ${bits} bits`;
    }
    for (const arg of args) {
      const spec = /^(?:rsa|dsa):(\d+)$|^(?:rsa_keygen_bits|dh_paramgen_prime_len):(\d+)$/.exec(
        arg,
      );
      const bits = tooShort(spec?.[1] ?? spec?.[2]);
      if (bits !== undefined) return `an openssl ${bits}-bit key (\`${arg}\`)`;
    }
    return undefined;
  }
  if (name === 'ssh-keygen') {
    const type = args[args.indexOf('-t') + 1];
    if (args.includes('-t') && /^dsa$/i.test(type ?? ''))
      return '`ssh-keygen -t dsa`, 1024-bit DSA';
    if (args.includes('-t') && !/^rsa$/i.test(type ?? '')) return undefined;
    const bits = args.includes('-b') ? tooShort(args[args.indexOf('-b') + 1]) : undefined;
    return bits === undefined ? undefined : `\`ssh-keygen -b ${bits}\`, a ${bits}-bit RSA key`;
  }
  return undefined;
}
