/** 导入报表: pick many workbooks (files, a folder, drag-and-drop), see the dry run, apply with progress, read the log. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BatchSummary, FilePlan } from '../../../../shared/api/methods/import';
import { api } from '../../api/client';
import { t } from '../../i18n/catalog';
import { nextApplyCount } from './applyPace';
import { ImportLogView } from './ImportLogView';
import { PlanTable } from './PlanTable';
import { fromBytes, fromDataTransfer, fromFileList, type PickedFile, readAll } from './readPicked';
import './import.css';

/** Files per import.add call: sent as bytes, read and planned by the backend as they arrive. */
const ADD_CHUNK = 25;
/** How often the dry run shown grows while files are sent. */
const SHOW_EVERY_MS = 500;

type Phase = { kind: 'idle' } | { kind: 'reading' | 'applying'; done: number; total: number } | { kind: 'planned' } | { kind: 'applied'; backup: boolean };

const summaryText = (s: BatchSummary) => t('import.summary', { files: s.files, ...s.counts });
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function ImportPage() {
  const [picked, setPicked] = useState<PickedFile[]>([]);
  const [takeVisible, setTakeVisible] = useState(false);
  const [batchId, setBatchId] = useState<string | null>(null);
  const [plans, setPlans] = useState<FilePlan[]>([]);
  const [summary, setSummary] = useState<BatchSummary | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [logVersion, setLogVersion] = useState(0);
  const cancelled = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const run = useCallback(async (files: PickedFile[], visible: boolean) => {
    setError(null);
    setMessage(null);
    setPlans([]);
    setSummary(null);
    if (files.length === 0) return setPhase({ kind: 'idle' });
    cancelled.current = false;
    setPhase({ kind: 'reading', done: 0, total: files.length });
    const chunkAt = (i: number) => readAll(files.slice(i, i + ADD_CHUNK));
    // The next chunk is read while the backend plans the one sent; a file that cannot be read stops the batch, by name.
    let next = chunkAt(0);
    // The batch begins while the first chunk is read; a file that cannot be read then sends nothing.
    const beginning = api.call('import.begin', { takeVisible: visible });
    let first: { name: string; bytes: Uint8Array }[];
    try {
      first = await next;
    } catch (e) {
      setPhase({ kind: 'idle' });
      setError(errorText(e));
      const begun = await beginning;
      if (begun.ok) await api.call('import.discard', { batchId: begun.data.batchId });
      return;
    }
    const begun = await beginning;
    if (!begun.ok) return setError(begun.error.message);
    const id = begun.data.batchId;
    setBatchId(id);
    const shownPlans = new Map<number, FilePlan>();
    let shownAt = -Infinity;
    const stop = async (why: string) => {
      setPhase({ kind: 'idle' });
      setError(why);
      await api.call('import.discard', { batchId: id });
    };
    type Added = Awaited<ReturnType<typeof addChunk>>;
    const addChunk = (at: number, chunk: { name: string; bytes: Uint8Array }[]) => api.call('import.add', { batchId: id, at, files: chunk });
    /** Takes one call's answer: its plans shown (at most twice a second: each addition lays the table out again). */
    const took = (r: Added, done: number): boolean => {
      if (!r.ok) {
        void stop(r.error.message);
        return false;
      }
      for (const p of r.data.plans) shownPlans.set(p.index, p);
      if (r.data.plans.length && performance.now() - shownAt >= SHOW_EVERY_MS) {
        setPlans([...shownPlans.values()]);
        shownAt = performance.now();
      }
      setPhase({ kind: 'reading', done, total: files.length });
      return true;
    };
    // The bytes as read (no encoding): the backend reads and plans each chunk as it arrives, so the dry run is ready
    // with the last. The next chunk is sent before the last is answered (its `at` keeps the order), so the backend
    // always has one to plan and never waits for the page.
    let inFlight: { answer: Promise<Added>; done: number } | null = null;
    for (let i = 0; i < files.length; i += ADD_CHUNK) {
      if (cancelled.current) {
        setMessage(t('import.cancelled', { done: i }));
        break;
      }
      let chunk: { name: string; bytes: Uint8Array }[];
      try {
        chunk = i === 0 ? first : await next;
      } catch (e) {
        if (inFlight) await inFlight.answer;
        return stop(errorText(e));
      }
      if (i + ADD_CHUNK < files.length) {
        next = chunkAt(i + ADD_CHUNK);
        // Awaited with the next chunk; a failure before then is not unhandled.
        next.catch(() => undefined);
      }
      const sent = { answer: addChunk(i, chunk), done: Math.min(files.length, i + ADD_CHUNK) };
      if (inFlight && !took(await inFlight.answer, inFlight.done)) {
        await sent.answer;
        return;
      }
      inFlight = sent;
    }
    if (inFlight && !took(await inFlight.answer, inFlight.done)) return;
    // Only the plans that changed since they were shown (a later file conflicting with an earlier one, the store changed meanwhile).
    const p = await api.call('import.plan', { batchId: id, omitSent: true });
    if (!p.ok) return setError(p.error.message);
    for (const changed of p.data.files) shownPlans.set(changed.index, changed);
    const all = Array.from({ length: p.data.summary.files }, (_, index) => shownPlans.get(index));
    if (all.every((x) => x !== undefined)) setPlans(all);
    else {
      const full = await api.call('import.plan', { batchId: id });
      if (!full.ok) return setError(full.error.message);
      setPlans(full.data.files);
    }
    setSummary(p.data.summary);
    setPhase({ kind: 'planned' });
  }, []);

  /** A dropped file or folder that could not be listed: said, nothing sent. */
  const unreadable = (e: unknown) => {
    setPlans([]);
    setSummary(null);
    setError(errorText(e));
  };

  const choose = (files: PickedFile[]) => {
    setPicked(files);
    void run(files, takeVisible);
  };

  const replan = async () => {
    if (!batchId) return;
    const p = await api.call('import.plan', { batchId });
    if (!p.ok) return setError(p.error.message);
    setPlans(p.data.files);
    setSummary(p.data.summary);
  };

  const apply = async () => {
    if (!batchId) return;
    cancelled.current = false;
    const total = plans.length;
    let backup = false;
    setPhase({ kind: 'applying', done: 0, total });
    // The first call applies one file; later ones as many as take about ¼ s (the 停止 button acts between calls).
    let count = 1;
    for (;;) {
      if (cancelled.current) {
        setMessage(t('import.cancelled', { done: plans.length - (summary ? summary.files - summary.applied : 0) }));
        break;
      }
      const started = performance.now();
      const r = await api.call('import.apply', { batchId, count });
      count = nextApplyCount(count, performance.now() - started);
      if (!r.ok) {
        setError(r.error.message);
        break;
      }
      backup ||= r.data.backup !== null;
      setSummary(r.data.summary);
      // Only the rows of the files just applied get new plans (and render again).
      const applied = new Map(r.data.applied.map((a) => [a.index, a]));
      setPlans((prev) => prev.map((p) => applied.get(p.index) ?? p));
      setPhase({ kind: 'applying', done: total - r.data.remaining, total });
      if (r.data.remaining === 0) {
        setMessage(t('import.done', { summary: summaryText(r.data.summary) }));
        break;
      }
    }
    setPhase({ kind: 'applied', backup });
    setLogVersion((v) => v + 1);
  };

  /** The office accepts a file's new or changed key, or an unsigned file (by index), or every 新密钥 at once. */
  const accept = useCallback(
    async (which: { indexes?: number[]; allNewKeys?: boolean }) => {
      if (!batchId) return;
      const r = await api.call('import.accept', { batchId, ...which });
      if (!r.ok) return setError(r.error.message);
      setPlans(r.data.files);
      setSummary(r.data.summary);
    },
    [batchId],
  );
  // One function for every row, so that rows render again only when their own plan changes.
  const acceptFile = useCallback((index: number) => void accept({ indexes: [index] }), [accept]);
  const newKeys = plans.filter((p) => p.seal?.state === 'new_key' && p.seal.acceptable && !p.seal.accepted && !p.importId).length;

  const addUnits = async () => {
    const units = plans.flatMap((p) => p.unknownUnits);
    const r = await api.call('import.addUnits', { units });
    if (!r.ok) return setError(r.error.message);
    setMessage(t('import.unitsAdded', { names: r.data.added.map((u) => u.name).join('、') }));
    await replan();
  };

  const pickDesktop = async (folder: boolean) => {
    const bridge = window.ledgerDesktop;
    if (!bridge) return (folder ? folderInput : fileInput).current?.click();
    const r = await bridge.openFiles({ folder, extensions: ['xlsx'] });
    if (!r.ok) return setError(r.error.message);
    choose(fromBytes(r.data.files));
  };

  useEffect(() => {
    // The folder picker attribute is not in React's typings.
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  const busy = phase.kind === 'reading' || phase.kind === 'applying';
  const applicable = plans.filter((p) => p.status !== 'rejected' && !p.importId).length;
  const unknown = plans.flatMap((p) => p.unknownUnits);
  return (
    <section className="import-page">
      <h1>{t('import.title')}</h1>
      <p className="hint">{t('import.intro')}</p>
      <div
        className="drop-zone"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          void fromDataTransfer(e.dataTransfer).then(choose, unreadable);
        }}
      >
        <p>{t('import.drop')}</p>
        <div className="toolbar">
          <button type="button" disabled={busy} onClick={() => void pickDesktop(false)}>
            {t('import.pickFiles')}
          </button>
          <button type="button" disabled={busy} onClick={() => void pickDesktop(true)}>
            {t('import.pickFolder')}
          </button>
          <label>
            <input
              type="checkbox"
              checked={takeVisible}
              disabled={busy}
              onChange={(e) => {
                setTakeVisible(e.target.checked);
                if (picked.length) void run(picked, e.target.checked);
              }}
            />
            {t('import.takeVisible')}
          </label>
        </div>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept=".xlsx"
          hidden
          aria-label={t('import.pickFiles')}
          data-testid="import-files"
          onChange={(e) => choose(fromFileList([...(e.target.files ?? [])]))}
        />
        <input
          ref={folderInput}
          type="file"
          multiple
          hidden
          aria-label={t('import.pickFolder')}
          onChange={(e) => choose(fromFileList([...(e.target.files ?? [])]))}
        />
      </div>

      {busy && (
        <div className="progress" role="status">
          <progress max={phase.total} value={phase.done} />
          <span>{t(phase.kind === 'reading' ? 'import.reading' : 'import.applying', { done: phase.done, total: phase.total })}</span>
          <button type="button" onClick={() => (cancelled.current = true)}>
            {t('import.cancel')}
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {message && (
        <p className="notice" role="status">
          {message}
          {phase.kind === 'applied' && phase.backup ? ` ${t('import.backup')}` : ''}
        </p>
      )}
      {summary && <p className="import-summary">{summaryText(summary)}</p>}
      {plans.length > 0 && (
        <>
          <PlanTable plans={plans} batchId={batchId} onAccept={acceptFile} accepting={phase.kind === 'planned'} />
          <div className="toolbar">
            {phase.kind === 'planned' && (
              <button type="button" className="primary" disabled={applicable === 0} onClick={() => void apply()}>
                {applicable ? t('import.apply', { count: applicable }) : t('import.nothingToApply')}
              </button>
            )}
            {phase.kind === 'planned' && newKeys > 0 && (
              <button type="button" onClick={() => void accept({ allNewKeys: true })}>
                {t('import.seal.acceptAll', { count: newKeys })}
              </button>
            )}
            {unknown.length > 0 && !busy && (
              <button type="button" onClick={() => void addUnits()}>
                {t('import.addUnits', { count: unknown.length })}
              </button>
            )}
            {!busy && (
              <button type="button" onClick={() => void run(picked, takeVisible)}>
                {t('import.replan')}
              </button>
            )}
          </div>
        </>
      )}
      <ImportLogView version={logVersion} />
    </section>
  );
}
