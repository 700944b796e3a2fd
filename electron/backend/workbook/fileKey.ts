/** This data file's signing key and its code (设置, the workbook's 封面, `ledger keys`). */
import type Database from 'better-sqlite3';
import { ownKey } from '../store/ownKey';
import { publicKeyCode, type SigningKey, signingKeyFromDer } from './seal';

const cache = new WeakMap<Database.Database, SigningKey>();

export function fileSigner(db: Database.Database): SigningKey {
  let k = cache.get(db);
  if (!k) cache.set(db, (k = signingKeyFromDer(ownKey(db).privateDer)));
  return k;
}

export function fileKeyCode(db: Database.Database): string {
  return publicKeyCode(ownKey(db).publicKey);
}
