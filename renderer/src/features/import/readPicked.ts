/**
 * Turns what the user picked, dropped or chose in the desktop dialog into
 * named .xlsx files, read when they are sent: a month's folder holds
 * hundreds, and reading them all before sending the first kept the backend
 * waiting (the page reads the next chunk while the backend plans the last).
 */
import { t } from '../../i18n/catalog';

export interface PickedFile {
  name: string;
  /** The file's bytes; rejects with a Chinese message naming the file when it cannot be read (removed or locked meanwhile). */
  read(): Promise<Uint8Array>;
}

export const isWorkbookName = (name: string) => /\.xlsx$/i.test(name) && !name.split('/').pop()!.startsWith('~$');

/** Files the desktop dialog has read already. */
export const fromBytes = (files: { name: string; bytes: Uint8Array }[]): PickedFile[] =>
  sortedByName(files.filter((f) => isWorkbookName(f.name)).map(({ name, bytes }) => ({ name, read: () => Promise.resolve(bytes) })));

const sortedByName = (files: PickedFile[]) => files.sort((a, b) => a.name.localeCompare(b.name, 'zh'));

export function fromFileList(list: Iterable<File>): PickedFile[] {
  const named = [...list].map((f) => ({ f, name: (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name })).filter((x) => isWorkbookName(x.name));
  return sortedByName(
    named.map(({ f, name }) => ({
      name,
      read: () =>
        f.arrayBuffer().then(
          (b) => new Uint8Array(b),
          (e: unknown) => {
            throw new Error(t('common.fileReadFailed', { name, message: e instanceof Error ? e.message : String(e) }));
          },
        ),
    })),
  );
}

/** Several files' bytes at once (reads overlap); the first that cannot be read fails them all, by name. */
export const readAll = (files: PickedFile[]): Promise<{ name: string; bytes: Uint8Array }[]> => Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.read() })));

/** Dropped items, walking dropped folders. */
export async function fromDataTransfer(dt: DataTransfer): Promise<PickedFile[]> {
  const entries = [...dt.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return fromFileList([...dt.files]);
  const files: File[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
      files.push(new File([file], `${prefix}${file.name}`));
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
        if (batch.length === 0) break;
        for (const e of batch) await walk(e, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const e of entries) await walk(e, '');
  return fromFileList(files);
}
