/**
 * A file as read, sent between a reader thread and the batch's. Structured
 * cloning a year of a department's figures as Maps costs the receiving
 * thread about what reading them did (every ref string made again), so the
 * figures cross as one Float64Array per file, a slot per template cell and
 * unit-month (NaN: no figure), and become Maps keyed by the template's own
 * ref strings on arrival. A month whose refs are not all template cells, or
 * not in template order, crosses as its entries, so the Maps on arrival
 * iterate exactly as the reader's did.
 */
import { templateCells } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import { flattenUnitMonths, type UnitMonthValues } from '../../../shared/workbook/unitMonths';
import type { WorkbookValue } from '../../../shared/workbook/format';
import type { FileFacts } from './fileFacts';
import { type FileViolation, knownViolations, noteViolations } from './fileRules';
import type { FileRead } from './readFile';
import type { ReadWorkbook } from './readWorkbook';

/** A ReadWorkbook without its template (named by id) and with its figures packed (see above). */
export interface WireWorkbook extends Omit<ReadWorkbook, 'template' | 'months' | 'values' | 'rows'> {
  templateId: string;
  months: { unitCode: string; month: number; entries?: [string, number][] }[];
  /** months.length × the template's cell count: the figures of month i at i × cells. */
  figures: Float64Array;
}

export interface WireRead {
  sha256: string;
  read?: WireWorkbook;
  /** The rules' findings by unit, when the reader worked them out (fileRules.ts). */
  violations?: [string, FileViolation[]][];
  facts?: FileFacts;
  refusal?: FileRead['refusal'];
  internalError?: unknown;
}

/** The cells' refs in template order, and each ref's slot. */
const SLOTS = new WeakMap<Template, { refs: string[]; slot: Map<string, number> }>();

function slotsOf(template: Template) {
  let s = SLOTS.get(template);
  if (!s) {
    const refs = [...templateCells(template).keys()];
    SLOTS.set(template, (s = { refs, slot: new Map(refs.map((r, i) => [r, i])) }));
  }
  return s;
}

/** Whether the month's refs are all cells, in template order, with numbers a slot can hold (NaN marks none). */
function fitsSlots(values: Map<string, number>, slot: Map<string, number>): boolean {
  let last = -1;
  for (const [ref, v] of values) {
    const i = slot.get(ref);
    if (i === undefined || i <= last || Number.isNaN(v)) return false;
    last = i;
  }
  return true;
}

/** The read packed (see above): what crosses threads, and what a batch keeps of a file until it applies it. */
export function packRead(read: ReadWorkbook): WireWorkbook {
  const { refs, slot } = slotsOf(read.template);
  const width = refs.length;
  const figures = new Float64Array(read.months.length * width).fill(NaN);
  const months = read.months.map((m, i) => {
    if (!fitsSlots(m.values, slot)) return { unitCode: m.unitCode, month: m.month, entries: [...m.values] };
    const base = i * width;
    for (const [ref, v] of m.values) figures[base + slot.get(ref)!] = v;
    return { unitCode: m.unitCode, month: m.month };
  });
  // Field by field: spreading the read would call its `values` getter (the flat list, built on arrival when asked for).
  return {
    meta: read.meta,
    templateId: read.template.id,
    source: read.source,
    units: read.units,
    months,
    figures,
    differences: read.differences,
    problems: read.problems,
    monthStates: read.monthStates,
    seal: read.seal,
    visibleAgreed: read.visibleAgreed,
    visibleSkipped: read.visibleSkipped,
  };
}

/** About the memory a packed read holds: its figures, months kept as entries, findings and the rest. */
export function packedSize(w: WireWorkbook): number {
  let entries = 0;
  for (const m of w.months) entries += m.entries?.length ?? 0;
  return 4096 + w.figures.byteLength + 64 * w.months.length + 96 * entries + 256 * (w.differences.length + w.problems.length);
}

export function toWire(fr: FileRead): { wire: WireRead; transfer: ArrayBuffer[] } {
  const { read, ...rest } = fr;
  const transfer: ArrayBuffer[] = [];
  if (fr.facts) transfer.push(fr.facts.prints.buffer as ArrayBuffer);
  if (!read) return { wire: rest, transfer };
  const packed = packRead(read);
  transfer.push(packed.figures.buffer as ArrayBuffer);
  const found = knownViolations(read);
  return { wire: { ...rest, read: packed, ...(found ? { violations: [...found] } : {}) }, transfer };
}

/** The read a packed one was made from (`template`: the one it names). Its packed rows are not kept: the month fingerprints come from the file's facts. */
export function unpackRead(wire: WireWorkbook, template: Template): ReadWorkbook {
  const { refs } = slotsOf(template);
  const width = refs.length;
  const months: UnitMonthValues[] = wire.months.map((m, i) => {
    if (m.entries) return { unitCode: m.unitCode, month: m.month, values: new Map(m.entries) };
    const values = new Map<string, number>();
    const base = i * width;
    for (let c = 0; c < width; c++) {
      const v = wire.figures[base + c];
      if (!Number.isNaN(v)) values.set(refs[c], v);
    }
    return { unitCode: m.unitCode, month: m.month, values };
  });
  let flat: WorkbookValue[] | undefined;
  return {
    meta: wire.meta,
    template,
    source: wire.source,
    units: wire.units,
    months,
    differences: wire.differences,
    problems: wire.problems,
    monthStates: wire.monthStates,
    seal: wire.seal,
    visibleAgreed: wire.visibleAgreed,
    visibleSkipped: wire.visibleSkipped,
    get values() {
      return (flat ??= flattenUnitMonths(months));
    },
    rows: null,
  };
}

/**
 * The read as the batch's thread holds it. The template must be the one the
 * reader used (the same id in the same registry); undefined if it is gone.
 */
export function fromWire(w: WireRead, templates: (id: string) => Template | undefined): FileRead | undefined {
  const { read: wire, violations, ...rest } = w;
  if (!wire) return rest;
  const template = templates(wire.templateId);
  if (!template) return undefined;
  const read = unpackRead(wire, template);
  if (violations) noteViolations(read, new Map(violations));
  return { ...rest, read };
}
