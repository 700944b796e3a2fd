/**
 * Signing keys (sealed submissions, docs/import.md): this data file's own key
 * code, and at the office the key registered for each unit — entered ahead
 * of time, or reset after a reinstall, always with a reason — and the key log.
 */
import { z } from 'zod';
import { officeOnly, unitCodeSchema } from '../common';

/** base64 of a 32-byte Ed25519 public key, as 设置 shows it for copying. */
const publicKeySchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9+/]{43}=$/, '密钥格式不对：应是对方“设置”页“签名密钥”下显示的 44 个字符的完整公钥');

export const keyInputs = {
  'keys.own': z.strictObject({}),
  'keys.list': officeOnly(z.strictObject({})),
  /** Enters (publicKey) or resets (null: the next file's key is shown as new) a unit's key, with a reason for the log. */
  'keys.set': officeOnly(
    z.strictObject({
      unitCode: unitCodeSchema,
      publicKey: publicKeySchema.nullable(),
      reason: z.string().trim().min(2, '请写明原因（至少两个字），例如“电话核对”或“重装软件”').max(200),
    }),
  ),
  'keys.log': officeOnly(z.strictObject({ unitCode: unitCodeSchema.optional(), limit: z.number().int().min(1).max(1000).default(200) })),
};

export interface UnitKeyInfo {
  unitCode: string;
  unitName: string;
  keyCode: string;
  publicKey: string;
  registeredAt: string;
}

export type KeyLogAction = 'created' | 'registered' | 'accepted' | 'changed' | 'entered' | 'cleared';

export interface KeyLogRow {
  id: number;
  at: string;
  /** null: this data file's own key. */
  unitCode: string | null;
  unitName: string | null;
  action: KeyLogAction;
  keyCode: string | null;
  previousKeyCode: string | null;
  reason: string;
  operator: string;
  fileName: string | null;
}

export interface KeyOutputs {
  /** The key this data file signs its workbooks with. */
  'keys.own': { keyCode: string; publicKey: string; createdAt: string };
  'keys.list': { units: UnitKeyInfo[] };
  'keys.set': { unitCode: string; keyCode: string | null };
  'keys.log': { entries: KeyLogRow[] };
}
