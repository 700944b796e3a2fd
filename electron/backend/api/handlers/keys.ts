/** Signing keys: this file's own, and the office's register of its units' keys. */
import { operatorName, resolveUnit } from '../../context';
import { keyLog, listUnitKeys, setUnitKey, unitKey, unitsOfKey } from '../../store/keys';
import { ownKey } from '../../store/ownKey';
import { fail } from '../../failure';
import { publicKeyCode, isPublicKeyText } from '../../workbook/seal';
import type { HandlerMap } from '../types';

export const keyHandlers: HandlerMap<'keys.own' | 'keys.list' | 'keys.set' | 'keys.log'> = {
  'keys.own': (ctx) => {
    const k = ownKey(ctx.store.db);
    return { keyCode: publicKeyCode(k.publicKey), publicKey: k.publicKey, createdAt: k.createdAt };
  },

  'keys.list': (ctx) => ({
    units: listUnitKeys(ctx.store.db).map((k) => ({ unitCode: k.unitCode, unitName: k.unitName, keyCode: publicKeyCode(k.publicKey), publicKey: k.publicKey, registeredAt: k.registeredAt })),
  }),

  'keys.set': (ctx, input) => {
    const db = ctx.store.db;
    const unit = resolveUnit(ctx, input.unitCode);
    if (input.publicKey !== null) {
      if (!isPublicKeyText(input.publicKey)) fail('invalid_value', '密钥格式不对：应是对方“设置”页“签名密钥”下显示的 44 个字符的完整公钥', 'publicKey');
      const other = unitsOfKey(db, input.publicKey).find((k) => k.unitId !== unit.id);
      if (other) fail('conflict', `这个密钥已登记给${other.unitName}（${other.unitCode}），一个密钥只能属于一个单位`, 'publicKey');
      if (input.publicKey === ownKey(db).publicKey) fail('conflict', '这是本数据文件自己的密钥，不能登记给下级单位', 'publicKey');
    } else if (!unitKey(db, unit.id)) fail('not_found', `${unit.name}（${unit.code}）尚未登记密钥，无需重置`, 'unitCode');
    setUnitKey(db, { unitId: unit.id, publicKey: input.publicKey, action: input.publicKey === null ? 'cleared' : 'entered', reason: input.reason, operator: operatorName(ctx) });
    return { unitCode: unit.code, keyCode: input.publicKey === null ? null : publicKeyCode(input.publicKey) };
  },

  'keys.log': (ctx, input) => {
    const unit = input.unitCode === undefined ? undefined : resolveUnit(ctx, input.unitCode);
    return {
      entries: keyLog(ctx.store.db, { unitId: unit?.id, limit: input.limit }).map((e) => ({
        id: e.id,
        at: e.at,
        unitCode: e.unitCode,
        unitName: e.unitName,
        action: e.action,
        keyCode: e.publicKey ? publicKeyCode(e.publicKey) : null,
        previousKeyCode: e.previousKey ? publicKeyCode(e.previousKey) : null,
        reason: e.reason,
        operator: e.operator,
        fileName: e.fileName,
      })),
    };
  },
};
