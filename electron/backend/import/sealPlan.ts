/**
 * Whose seal a file carries, against the office's register of unit keys
 * (docs/import.md, "Sealed submissions"). Reading has already checked that a
 * signature verifies against the key the file carries; this decides whether
 * that key is the one registered for the sender (or for an ancestor of every
 * unit in a bundle), and what an unsigned file from a unit with a key may do.
 */
import type Database from 'better-sqlite3';
import type { FileSeal, SealState } from '../../../shared/api/methods/import';
import { findUnitById } from '../store/units';
import { unitKey, unitsOfKey } from '../store/keys';
import { publicKeyCode } from '../workbook/seal';
import type { ImportProblem } from '../workbook/problems';
import type { ReadWorkbook } from './readWorkbook';

/** The seal stored with each received month (migration 009's submissions.seal). */
export type MonthSeal = 'signed' | 'county' | 'new_key' | 'accepted' | 'unsigned';

/** Verified months outrank unverified ones whatever their revision numbers say. */
export const verifiedSeal = (s: MonthSeal | string): boolean => s === 'signed' || s === 'county';

/** Keys registered by files earlier in the batch (unit id → key), as the dry run plans them. */
export type KeyOverlay = Map<number, string>;

export interface SealPlan {
  info: FileSeal;
  /** Refuses the file (nothing applied). */
  problem?: ImportProblem;
  /** Each unit's seal for its months. */
  units: Map<string, MonthSeal>;
  /** A key to register when the file is applied (accepted by the office). */
  register?: { unitId: number; publicKey: string; action: 'accepted' | 'changed' };
}

const name = (u: { name: string; code: string }) => `${u.name}（${u.code}）`;

function isUnder(db: Database.Database, unitId: number, ancestorId: number): boolean {
  const seen = new Set<number>();
  for (let id: number | null = unitId; id !== null && !seen.has(id); id = findUnitById(db, id)?.parentId ?? null) {
    if (id === ancestorId) return true;
    seen.add(id);
  }
  return false;
}

export function planSeal(db: Database.Database, r: ReadWorkbook, unitIds: Map<string, number>, accepted: boolean, keys: KeyOverlay): SealPlan {
  const registered = (unitId: number) => keys.get(unitId) ?? unitKey(db, unitId)?.publicKey;
  const signerId = unitIds.get(r.meta.unitCode);
  const signer = signerId === undefined ? null : { code: r.meta.unitCode, name: findUnitById(db, signerId)?.name ?? r.meta.unitName };
  const info = (state: SealState, extra: Partial<FileSeal> = {}): FileSeal => ({
    state,
    keyCode: r.seal.publicKey ? publicKeyCode(r.seal.publicKey) : null,
    registeredKeyCode: signerId !== undefined && registered(signerId) ? publicKeyCode(registered(signerId)!) : null,
    signer,
    acceptable: false,
    accepted,
    ...extra,
  });
  const all = (seal: MonthSeal) => new Map(r.units.map((u) => [u.code, seal]));

  if (r.seal.state === 'signed' && r.seal.publicKey) {
    const key = r.seal.publicKey;
    if (signerId === undefined) {
      return { info: info('invalid'), units: all('unsigned'), problem: { code: 'bad_meta', message: `签名单位“${r.meta.unitCode}”不在本文件的单位列表中，文件不可信` } };
    }
    const mine = registered(signerId);
    // A key another unit registered: this file claims to be from someone it is not.
    const owners = [...unitsOfKey(db, key).filter((k) => k.unitId !== signerId && keys.get(k.unitId) === undefined), ...[...keys].filter(([id, k]) => k === key && id !== signerId).map(([id]) => findUnitById(db, id)!).map((u) => ({ unitCode: u.code, unitName: u.name }))];
    if (mine !== key && owners.length > 0) {
      const o = owners[0];
      return {
        info: info('key_changed'),
        units: all('unsigned'),
        problem: {
          code: 'wrong_key',
          message: `签名密钥不符：文件自称来自${name(signer!)}，却是用${name({ name: o.unitName, code: o.unitCode })}登记的密钥（${publicKeyCode(key)}）签名的，文件不可信，未导入`,
        },
      };
    }
    let register: SealPlan['register'];
    if (mine !== key) {
      if (mine !== undefined && !accepted) {
        return {
          info: info('key_changed', { acceptable: true }),
          units: all('unsigned'),
          problem: {
            code: 'key_changed',
            message: `签名密钥变更：${name(signer!)}登记的密钥是 ${publicKeyCode(mine)}，本文件的密钥是 ${publicKeyCode(key)}，未导入。如该单位确实重装了软件或换了数据文件，请电话核对密钥后接受此文件`,
          },
        };
      }
      if (mine === undefined && !accepted) return { info: info('new_key', { acceptable: true }), units: all('new_key') };
      register = { unitId: signerId, publicKey: key, action: mine === undefined ? 'accepted' : 'changed' };
    }
    // Verified: the sender's own months, and in a bundle those of every unit under it in the office's directory.
    const units = new Map<string, MonthSeal>();
    const outside: string[] = [];
    for (const u of r.units) {
      const id = unitIds.get(u.code)!;
      if (id === signerId) units.set(u.code, 'signed');
      else if (isUnder(db, id, signerId)) units.set(u.code, 'county');
      else outside.push(name(u));
    }
    if (outside.length) {
      return {
        info: info('invalid'),
        units: all('unsigned'),
        problem: { code: 'not_ancestor', message: `汇总报送表由${name(signer!)}签名，但 ${outside.slice(0, 5).join('、')}${outside.length > 5 ? ` 等 ${outside.length} 个单位` : ''}在单位名录中不是它的下级，未导入` },
      };
    }
    const state: SealState = r.units.length > 1 ? 'county' : 'signed';
    return { info: info(state, register ? { acceptable: true } : {}), units, register };
  }

  // Unsigned: hand-filled, re-saved without the data sheet, an older format, or a signature stripped.
  const keyed = r.units.filter((u) => registered(unitIds.get(u.code)!) !== undefined);
  if (keyed.length === 0) return { info: info('unsigned'), units: all('unsigned') };
  if (!accepted) {
    return {
      info: info('unsigned', { acceptable: true }),
      units: all('unsigned'),
      problem: {
        code: 'unsigned_from_keyed_unit',
        message: `未签名：${keyed.slice(0, 3).map(name).join('、')}已登记签名密钥，本文件却没有签名（手工填报、被其他软件另存或签名被去掉），未导入。如确认是该单位报送的，请核对后接受此文件；它不会替换已签名的数据`,
      },
    };
  }
  return { info: info('accepted'), units: new Map(r.units.map((u) => [u.code, keyed.includes(u) ? 'accepted' : 'unsigned'])) };
}
