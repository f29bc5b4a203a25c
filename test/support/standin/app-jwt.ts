/** The JSON web token a GitHub App signs with its private key to ask for installation tokens (RS256, valid ten minutes). */
import { createSign } from 'node:crypto';

export function signAppJwt(
  privateKey: string,
  appId: number,
  nowSeconds = Math.floor(Date.now() / 1000),
): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({ iat: nowSeconds - 60, exp: nowSeconds + 540, iss: String(appId) })}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(privateKey, 'base64url');
  return `${unsigned}.${signature}`;
}
