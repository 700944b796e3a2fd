/**
 * Ed25519 signing of workbooks, with Node's own crypto: a data file's key
 * pair, signing and verifying the canonical text (shared/workbook/sealText.ts),
 * and the key code people compare. Public keys travel as base64 of their 32
 * raw bytes, private keys are kept as PKCS#8 DER in the data file.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { keyCode } from '../../../shared/text/readableCode';

export interface SigningKey {
  privateKey: KeyObject;
  /** base64 of the 32-byte public key, as the data sheet carries it. */
  publicKey: string;
}

/** The DER prefix of an Ed25519 private key in PKCS#8, followed by its 32-byte seed (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

const rawPublicKey = (key: KeyObject): string => Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url').toString('base64');

export function newKeyPair(): { privateDer: Buffer; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateDer: privateKey.export({ format: 'der', type: 'pkcs8' }), publicKey: rawPublicKey(publicKey) };
}

export function signingKeyFromDer(privateDer: Uint8Array): SigningKey {
  const privateKey = createPrivateKey({ key: Buffer.from(privateDer), format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: rawPublicKey(createPublicKey(privateKey)) };
}

/** A key made from a 32-byte seed: the same seed, the same key (test fixtures stand in for units' data files with it). */
export function signingKeyFromSeed(seed: Uint8Array): SigningKey {
  if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  return signingKeyFromDer(Buffer.concat([PKCS8_ED25519_PREFIX, seed]));
}

/** A public key as the data sheet carries it: base64 of exactly 32 bytes. */
export function isPublicKeyText(s: string): boolean {
  return /^[A-Za-z0-9+/]{43}=$/.test(s) && Buffer.from(s, 'base64').length === 32;
}

export function signText(key: SigningKey, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64');
}

/** False for a signature that does not verify, and for a key or signature that is not one at all. */
export function verifyText(publicKey: string, text: string, signature: string): boolean {
  if (!isPublicKeyText(publicKey) || !/^[A-Za-z0-9+/]{86}==$/.test(signature)) return false;
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey, 'base64').toString('base64url') }, format: 'jwk' });
    return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** The short code of a public key (16 base-32 characters in groups) that people read out and compare. */
export function publicKeyCode(publicKey: string): string {
  return keyCode(createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest());
}
