/**
 * This data file's own signing key (migration 009), apart from store/keys.ts
 * so that reading the units' keys (the CLI's merge) does not load node:crypto.
 */
import { generateKeyPairSync } from 'node:crypto';
import type Database from 'better-sqlite3';
import { prepared } from './prepared';

export interface OwnKey {
  /** base64 of the 32-byte public key. */
  publicKey: string;
  /** PKCS#8 DER. */
  privateDer: Buffer;
  createdAt: string;
}

/**
 * The data file's key pair. Migration 009 makes it; a file whose key row is
 * gone (a hand-edited file) gets a new one here, logged, rather than
 * exporting unsigned.
 */
export function ownKey(db: Database.Database): OwnKey {
  const r = prepared(db, 'SELECT public_key, private_key, created_at FROM file_key WHERE id = 1').get() as
    | { public_key: string; private_key: Buffer; created_at: string }
    | undefined;
  if (r) return { publicKey: r.public_key, privateDer: r.private_key, createdAt: r.created_at };
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pub = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
  const at = new Date().toISOString();
  db.transaction(() => {
    db.prepare('INSERT OR IGNORE INTO file_key (id, public_key, private_key, created_at) VALUES (1, ?, ?, ?)').run(pub, privateKey.export({ format: 'der', type: 'pkcs8' }), at);
    db.prepare("INSERT INTO key_log (at, unit_id, action, public_key, reason, operator) VALUES (?, NULL, 'created', ?, '数据文件缺少签名密钥，已重新生成', '')").run(at, pub);
  }).immediate();
  console.info('[keys] this data file had no signing key: a new one was made and logged');
  return ownKey(db);
}
