/** The CLI on paths that cannot be a data file: said in Chinese, with the documented exit code, never a stack. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempBackend';
import { cli } from '../testing/cliRun';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// English words in a row, an error class, a stack frame or a raw code: none may reach the user.
const english = /[A-Za-z]{2,} [A-Za-z]{2,}|[A-Za-z]{3,}Error|SQLITE_|\bE[A-Z]{3,}\b/;

describe('ledger CLI and the data file path', () => {
  it('--db naming a folder is a usage error (exit 2) that says so', async () => {
    const r = await cli('templates', '--db', dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--db 应是数据文件，而 ${dir} 是文件夹`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a symlink loop is refused (exit 1) with what is wrong', async () => {
    const loop = path.join(dir, 'loop.sqlite');
    fs.symlinkSync(loop, loop);
    // `keys` reads the data file (`templates` only looks beside it for templates, and lists the built-in ones whatever --db is).
    const r = await cli('keys', '--db', loop);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^未执行：路径 .*loop\.sqlite 含有循环的符号链接/);
    expect(r.err.split(dir).join("")).not.toMatch(english);
  });

  it('a file where the data folder should be is refused (exit 1) with what to do', async () => {
    const file = path.join(dir, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const r = await cli('init', '--db', path.join(file, 'ledger.sqlite'), '--code', 'U1', '--name', '某局');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^未执行：.*not-a-folder.*(不是文件夹|不是所需的文件夹)/);
    expect(r.err.split(dir).join("")).not.toMatch(english);
  });

  it('another program\'s SQLite file is refused (exit 1) and left as it was', async () => {
    const other = path.join(dir, 'other.sqlite');
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(other);
    db.exec('CREATE TABLE notes (t TEXT)');
    db.close();
    const before = fs.readFileSync(other);
    const r = await cli('init', '--db', other, '--code', 'U1', '--name', '某局');
    expect(r.code).toBe(1);
    expect(r.err).toContain('其他程序的数据库');
    expect(fs.readFileSync(other).equals(before)).toBe(true);
  });
});
