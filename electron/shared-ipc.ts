/** The allow-listed IPC channels, shared by preload and main. */
export const IPC = {
  api: 'ledger:api',
  saveFile: 'ledger:save-file',
  openFiles: 'ledger:open-files',
} as const;

export type IpcChannel = (typeof IPC)[keyof typeof IPC];

export const IPC_CHANNELS: ReadonlySet<string> = new Set(Object.values(IPC));
