/**
 * The dry run (and, once applied, the outcome) of each file of a batch.
 * A month's collection is hundreds of files: each row renders again only
 * when its own plan changes (applying answers a few files at a time), and
 * the rule findings — dozens per file, never blocking — are counted and
 * listed on request, so the table stays a row per file to lay out.
 */
import { memo, useCallback, useState } from 'react';
import type { FileDifference, FilePlan } from '../../../../shared/api/methods/import';
import { figureText } from '../../../../shared/values/numberFormat';
import { api } from '../../api/client';
import { t } from '../../i18n/catalog';

const shown = (v: number | null, d: FileDifference) => (v === null ? t('import.empty') : figureText(v, d));

function statusText(p: FilePlan): string {
  if (p.status === 'updated') return t('import.status.updated', { count: p.changedValues });
  return t(`import.status.${p.status}`);
}

type Findings = Pick<FilePlan, 'problems' | 'differences' | 'violations'>;

/** 已签名 / 新密钥 … with the key codes the office compares; 新密钥 never reads as verified. */
function SealCell({ p, onAccept }: { p: FilePlan; onAccept: (index: number) => void }) {
  const seal = p.seal;
  if (!seal) return null;
  return (
    <div className={`seal seal-${seal.state}`} data-seal={seal.state}>
      <strong>{t(`import.seal.${seal.state}`)}</strong>
      {seal.state === 'county' && seal.signer ? <div>{t('import.seal.signer', { name: seal.signer.name, code: seal.signer.code })}</div> : null}
      {seal.keyCode && seal.state !== 'signed' && seal.state !== 'county' ? (
        <div>
          {t('import.seal.fileKey')} <code className="key-code">{seal.keyCode}</code>
        </div>
      ) : null}
      {seal.state === 'key_changed' && seal.registeredKeyCode ? (
        <div>
          {t('import.seal.registeredKey')} <code className="key-code">{seal.registeredKeyCode}</code>
        </div>
      ) : null}
      {seal.accepted && seal.state !== 'accepted' ? <div>{t('import.seal.acceptedKey')}</div> : null}
      {seal.acceptable && !seal.accepted && !p.importId ? (
        <button type="button" className="link accept" onClick={() => onAccept(p.index)}>
          {t(seal.state === 'unsigned' ? 'import.seal.acceptFile' : 'import.seal.acceptKey')}
        </button>
      ) : null}
    </div>
  );
}

/** The rule findings of a file, counted; listed only once opened (a closed list is neither built nor laid out). */
function Violations({ p, more, onShowAll }: { p: FilePlan; more: number; onShowAll: () => void }) {
  const [open, setOpen] = useState(false);
  const count = p.violations.length + more;
  if (count === 0) return null;
  return (
    <li>
      <details className="violations" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('import.violations', { count })}</summary>
        {open && (
          <ul>
            {p.violations.map((v, i) => (
              <li key={i} className={`violation ${v.severity}`}>
                {t('import.violation', { severity: t(`import.severity.${v.severity}`), unit: v.unitName, message: v.message })}
              </li>
            ))}
            {more > 0 && (
              <li>
                <button type="button" className="link" onClick={onShowAll}>
                  {t('import.moreFindings', { count: more })}
                </button>
              </li>
            )}
          </ul>
        )}
      </details>
    </li>
  );
}

interface RowProps {
  listed: FilePlan;
  /** Every finding of the file, once asked for. */
  all: Findings | undefined;
  onAccept: (index: number) => void;
  onShowAll: (index: number) => void;
}

const PlanRow = memo(function PlanRow({ listed, all, onAccept, onShowAll }: RowProps) {
  const p = all ? { ...listed, ...all, findingCounts: undefined } : listed;
  // How many findings of each kind the answer left out (it lists the first few of each kind).
  const counts = p.findingCounts;
  const moreBlocking = counts ? counts.problems + counts.differences - p.problems.length - p.differences.length : 0;
  const moreViolations = counts ? counts.violations - p.violations.length : 0;
  const showAll = () => onShowAll(p.index);
  return (
    <tr className={`status-${p.status}`} data-file={p.name}>
      <td>{p.name}</td>
      <td>{p.unitName ? `${p.unitName}（${p.unitCode}）${p.units.length > 1 ? ` +${p.units.length - 1}` : ''}` : ''}</td>
      <td>{p.periodLabel ?? ''}</td>
      <td>{p.templateName ?? ''}</td>
      <td>{p.revision ?? ''}</td>
      <td className="status">
        {statusText(p)}
        {p.importId ? ' ✓' : ''}
      </td>
      <td>
        <SealCell p={p} onAccept={onAccept} />
      </td>
      <td>
        <ul className="problems">
          {p.problems.map((x, i) => (
            <li key={`p${i}`} className="problem" data-code={x.code}>
              {x.message}
            </li>
          ))}
          {p.warnings.map((x, i) => (
            <li key={`w${i}`} className="warning" data-code={x.code}>
              {x.message}
            </li>
          ))}
          {p.differences.length > 0 && (
            <li>
              {t('import.differences')}
              <ul>
                {p.differences.map((d) => (
                  <li key={`${d.sheet}!${d.cell}`}>{t('import.diff', { where: `${d.sheet}!${d.cell}`, label: d.label, data: shown(d.data, d), visible: shown(d.visible, d) })}</li>
                ))}
              </ul>
            </li>
          )}
          {moreBlocking > 0 && (
            <li>
              <button type="button" className="link" onClick={showAll}>
                {t('import.moreFindings', { count: moreBlocking })}
              </button>
            </li>
          )}
          <Violations p={p} more={moreViolations} onShowAll={showAll} />
        </ul>
      </td>
    </tr>
  );
});

const COLUMN_WIDTHS = ['15%', '14%', '8%', '11%', '5%', '9%', '14%', '24%'];

interface TableProps {
  plans: FilePlan[];
  batchId: string | null;
  onAccept: (index: number) => void;
  /** Whether files may be accepted now (the dry run shown): hidden by a class otherwise, so that no row renders again for it. */
  accepting: boolean;
}

export function PlanTable({ plans, batchId, onAccept, accepting }: TableProps) {
  // Files whose every finding was asked for (import.findings), by index.
  const [full, setFull] = useState<Map<number, Findings>>(new Map());
  const showAll = useCallback(
    async (index: number) => {
      if (!batchId) return;
      const r = await api.call('import.findings', { batchId, index });
      if (r.ok) setFull((m) => new Map(m).set(index, r.data));
    },
    [batchId],
  );
  const onShowAll = useCallback((index: number) => void showAll(index), [showAll]);
  return (
    <table className={accepting ? 'plan-table' : 'plan-table no-accept'} aria-label={t('import.title')}>
      {/* Fixed widths: the table is laid out from these, not from every cell of hundreds of rows. */}
      <colgroup>
        {COLUMN_WIDTHS.map((w, i) => (
          <col key={i} style={{ width: w }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th>{t('import.col.file')}</th>
          <th>{t('import.col.unit')}</th>
          <th>{t('import.col.period')}</th>
          <th>{t('import.col.template')}</th>
          <th>{t('import.col.revision')}</th>
          <th>{t('import.col.status')}</th>
          <th>{t('import.col.seal')}</th>
          <th>{t('import.col.problems')}</th>
        </tr>
      </thead>
      <tbody>
        {plans.map((p) => (
          <PlanRow key={p.index} listed={p} all={full.get(p.index)} onAccept={onAccept} onShowAll={onShowAll} />
        ))}
      </tbody>
    </table>
  );
}
