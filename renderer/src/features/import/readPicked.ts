/** Turns what the user picked, dropped or chose in the desktop dialog into named .xlsx bytes. */
import { t } from '../../i18n/catalog';

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export const isWorkbookName = (name: string) => /\.xlsx$/i.test(name) && !name.split('/').pop()!.startsWith('~$');

export async function fromFileList(list: Iterable<File>): Promise<PickedFile[]> {
  const named = [...list].map((f) => ({ f, name: (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name })).filter((x) => isWorkbookName(x.name));
  // Read at once rather than one after another: a month's folder holds hundreds.
  // A file removed or locked while being read fails the whole choice, by name.
  const out = await Promise.all(
    named.map(({ f, name }) =>
      f.arrayBuffer().then(
        (b) => ({ name, bytes: new Uint8Array(b) }),
        (e: unknown) => {
          throw new Error(t('common.fileReadFailed', { name, message: e instanceof Error ? e.message : String(e) }));
        },
      ),
    ),
  );
  return out.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

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
