/**
 * Append only, enforced: each released migration is pinned by the SHA-256 of
 * its file. A data file that went through version N must never meet another
 * version N. Landing a new migration adds its line here (the failure below
 * prints it); changing a released one is a new migration instead.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '.';

const RELEASED: [file: string, sha256: string][] = [
  ['001-initial.ts', '776fb4d9797f2ca9331dec0c4e5b10ba9766e838809fa706067bc2c558c7c63b'],
  ['002-month-completion.ts', '18719ab8b156fee4453da8a2b9e6a12bff400398d79e50b2d5c2016f40770b9a'],
  ['003-export-log.ts', '82546997d6ab9c439291e9180991ae69ccb2abd87d1c220423028118c691494d'],
  ['004-office.ts', '9dd2ee19cb52fc7403cab6320edeaba0c3b6c1f575369ef76abfefe21956b596'],
  ['005-packed-values.ts', '2eee807db5360603b1226a8ac1c8cf84284dcc76f2f841c17c1eb916351f2941'],
  ['006-positional-values.ts', 'a857938bf6548094921911b3084fe84073410c57aef4db1205800159473d20ab'],
  ['007-values-view.ts', '98997513329ad0ff0b5d72f115d44a727a027418d82db9373c29327f481fa36e'],
  ['008-submission-status.ts', '3c3452b87a5f0f7587db60aa32886ee635d99d31010e45f626ec2bbf477125f3'],
  ['009-sealed-submissions.ts', '48d72e04a612137bbd85549198508feb19e3dc35ca9b966b4cf48ad5146ba84e'],
  ['010-submission-checks.ts', 'ee4bd4e6c3466099002fc3fbe7815366eec7c50f75e448815799b23bfc1e42b1'],
];

const dir = import.meta.dirname;
const migrationFiles = fs.readdirSync(dir).filter((f) => /^\d{3}-.+\.ts$/.test(f) && !f.endsWith('.test.ts'));
/** Line endings normalised, so a checkout with CRLF pins the same text. */
const checksum = (file: string) => createHash('sha256').update(fs.readFileSync(path.join(dir, file), 'utf8').replace(/\r\n/g, '\n')).digest('hex');
const fileOf = (m: { version: number; name: string }) => `${String(m.version).padStart(3, '0')}-${m.name}.ts`;

describe('released migrations', () => {
  it('are unchanged', () => {
    const changed = RELEASED.filter(([file, sum]) => !fs.existsSync(path.join(dir, file)) || checksum(file) !== sum).map(([file]) => file);
    expect(changed, 'a released migration was edited or removed: undo that and add a new migration instead').toEqual([]);
  });

  it('are every migration file, each pinned', () => {
    const pinned = new Set(RELEASED.map(([file]) => file));
    const unpinned = migrationFiles.filter((f) => !pinned.has(f)).map((f) => `  ['${f}', '${checksum(f)}'],`);
    expect(unpinned, 'add these lines to RELEASED when landing the migration').toEqual([]);
  });

  it('are the list the program applies, file by file, in order', () => {
    expect(MIGRATIONS.map(fileOf)).toEqual(RELEASED.map(([file]) => file));
  });
});
