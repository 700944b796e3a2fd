import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Template } from '../../../shared/template/schema';
import { canonicalFingerprintText, canonicalPackedText, type PackedRow } from '../../../shared/workbook/packedValues';
import { identityFingerprint, rowsFingerprint } from './fingerprint';
import { monthFingerprint, monthKey } from './monthFingerprint';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('fingerprints hashed in pieces', () => {
  it('are the SHA-256 of the canonical texts (random rows: unsorted, empty, several cells, wide characters)', () => {
    let seed = 3;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const template = { id: 'national-2021', version: 1 } as Template;
    for (let n = 0; n < 300; n++) {
      const rows: PackedRow[] = Array.from({ length: Math.floor(rand() * 6) }, () => ({
        unitCode: pick(['D01', 'D02', '遂宁A', 'b']),
        month: 1 + Math.floor(rand() * 12),
        chunks: Array.from({ length: Math.floor(rand() * 3) }, () => pick(['a=1', 'a=1;b.c=2.50', '', '主动=3', 'x=😀'])),
      }));
      const period = pick(['2017', '2017-3', '2017-1..2017-6']);
      const meta = { templateId: template.id, templateVersion: template.version, period };
      expect(rowsFingerprint(template, period, rows)).toBe(sha256(canonicalPackedText(meta, rows)));
      const identity = { kind: 'bundle', unitCode: 'D01', unitName: pick(['部门', 'a"b\n']), revision: n, units: [{ code: 'D02', name: '二', kind: '', parentCode: 'D01' }, { code: 'D01', name: '一', kind: 'x', parentCode: '' }] };
      expect(identityFingerprint(template, period, identity, rows)).toBe(sha256(canonicalFingerprintText(meta, identity, rows)));
      if (rows[0]) {
        const { unitCode, month, chunks } = rows[0];
        expect(monthFingerprint(template, 2017, month, unitCode, chunks)).toBe(sha256(canonicalPackedText({ ...meta, period: monthKey(2017, month) }, [rows[0]])));
      }
    }
  });
});
