/**
 * The one message catalog of the UI (Simplified Chinese). Each feature keeps
 * its strings in messages/<feature>.ts; keys are namespaced by feature.
 */
import { common } from './messages/common';
import { ledger } from './messages/ledger';
import { setup } from './messages/setup';
import { report } from './messages/report';
import { directory } from './messages/directory';
import { office } from './messages/office';
import { charts } from './messages/charts';
import { exportMessages } from './messages/export';
import { importMessages } from './messages/import';
import { print } from './messages/print';
import { unitLedger } from './messages/unitLedger';

export const messages = {
  ...common,
  ...setup,
  ...ledger,
  ...report,
  ...directory,
  ...office,
  ...charts,
  ...exportMessages,
  ...importMessages,
  ...print,
  ...unitLedger,
} as const;

export type MessageKey = keyof typeof messages;

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  let text: string = messages[key];
  if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}
