import fs from 'node:fs';
import path from 'node:path';

/** The names of a templates folder's JSON files, sorted (none when the folder is absent). */
export function templateNames(dir: string | undefined): string[] {
  if (dir === undefined || !fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort();
}

/** The JSON files of a templates folder: their names and texts. */
export function templateFiles(dir: string | undefined): { name: string; text: string }[] {
  return templateNames(dir).map((name) => ({ name, text: fs.readFileSync(path.join(dir!, name), 'utf8') }));
}
