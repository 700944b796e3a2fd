import { generateKeyPairSync } from 'node:crypto';
import type { Migration } from './types';

/**
 * Sealed submissions (issue 16): the data file's own Ed25519 key pair, which
 * signs every workbook it exports; the key the office registered for each
 * unit; the key log (every key made, registered, accepted on import, entered
 * or reset, with the reason and who did it); and each received month's seal.
 *
 * The JavaScript step makes the key for this file, new or upgraded: self
 * contained (Node's crypto only), because a released migration never changes
 * even when the code around it does.
 */
export const sealedSubmissions: Migration = {
  version: 9,
  name: 'sealed-submissions',
  sql: `
    CREATE TABLE file_key (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      -- base64 of the 32-byte Ed25519 public key, as workbooks carry it.
      public_key TEXT NOT NULL,
      -- PKCS#8 DER. Whoever holds this file or a backup of it holds the key (docs/import.md).
      private_key BLOB NOT NULL,
      created_at TEXT NOT NULL
    );

    CREATE TABLE unit_keys (
      unit_id INTEGER PRIMARY KEY REFERENCES units(id),
      public_key TEXT NOT NULL,
      registered_at TEXT NOT NULL
    );
    CREATE INDEX unit_keys_key ON unit_keys(public_key);

    CREATE TABLE key_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      -- NULL: this data file's own key.
      unit_id INTEGER REFERENCES units(id),
      -- created | registered | accepted | changed | entered | cleared
      action TEXT NOT NULL,
      public_key TEXT,
      previous_key TEXT,
      reason TEXT NOT NULL DEFAULT '',
      operator TEXT NOT NULL DEFAULT '',
      import_id INTEGER REFERENCES import_log(id),
      file_name TEXT
    );
    CREATE INDEX key_log_unit ON key_log(unit_id, id);

    -- signed: verified against the unit's registered key; county: against an ancestor's (a bundle);
    -- new_key: signed by a key not registered; accepted: unsigned from a unit with a key, accepted by the office;
    -- unsigned: hand-filled or an older format.
    ALTER TABLE submissions ADD COLUMN seal TEXT NOT NULL DEFAULT 'unsigned'
      CHECK (seal IN ('signed', 'county', 'new_key', 'accepted', 'unsigned'));
  `,
  run(db) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pub = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
    const at = new Date().toISOString();
    db.prepare('INSERT INTO file_key (id, public_key, private_key, created_at) VALUES (1, ?, ?, ?)').run(pub, privateKey.export({ format: 'der', type: 'pkcs8' }), at);
    db.prepare("INSERT INTO key_log (at, unit_id, action, public_key, reason, operator) VALUES (?, NULL, 'created', ?, '数据文件的签名密钥（首次生成）', '')").run(at, pub);
  },
};
