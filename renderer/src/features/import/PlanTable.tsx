/** The dry run (and, once applied, the outcome) of each file of a batch. */
import { useState } from 'react';
import type { FileDifference, FilePlan } from '../../../../shared/api/methods/import';
import { figureText } from '../../../../shared/values/numberFormat';
import { api } from '../../api/client';
import { t } from '../../i18n/catalog';

const shown = (v: number | null, d: FileDifference) => (v === null ? t('import.empty') : figureText(v, d));

function statusText(p: FilePlan): string {
  if (p.status === 'updated') return t('import.status.updated', { count: p.changedValues });
  return t(`import.status.${p.status}`);
}

/** How many findings the answer left out of a plan (it lists the first few of each kind). */
const moreOf = (p: FilePlan) =>
  p.findingCounts ? p.findingCounts.problems + p.findingCounts.differences + p.findingCounts.violations - p.problems.length - p.differences.length - p.violations.length : 0;

/** 已签名 / 新密钥 … with the key codes the office compares; 新密钥 never reads as verified. */
function SealCell({ p, onAccept }: { p: FilePlan; onAccept?: (index: number) => void }) {
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
      {seal.acceptable && !seal.accepted && onAccept && !p.importId ? (
        <button type="button" className="link" onClick={() => onAccept(p.index)}>
          {t(seal.state === 'unsigned' ? 'import.seal.acceptFile' : 'import.seal.acceptKey')}
        </button>
      ) : null}
    </div>
  );
}

export function PlanTable({ plans, batchId, onAccept }: { plans: FilePlan[]; batchId: string | null; onAccept?: (index: number) => void }) {
  // Files whose every finding was asked for (import.findings), by index.
  const [full, setFull] = useState<Map<number, Pick<FilePlan, 'problems' | 'differences' | 'violations'>>>(new Map());
  const showAll = async (index: number) => {
    if (!batchId) return;
    const r = await api.call('import.findings', { batchId, index });
    if (r.ok) setFull((m) => new Map(m).set(index, r.data));
  };
  return (
    <table className="plan-table" aria-label={t('import.title')}>
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
        {plans.map((listed) => {
          const all = full.get(listed.index);
          const p = all ? { ...listed, ...all, findingCounts: undefined } : listed;
          const more = moreOf(p);
          return (
            <tr key={p.index} className={`status-${p.status}`} data-file={p.name}>
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
                          <li key={`${d.sheet}!${d.cell}`}>
                            {t('import.diff', { where: `${d.sheet}!${d.cell}`, label: d.label, data: shown(d.data, d), visible: shown(d.visible, d) })}
                          </li>
                        ))}
                      </ul>
                    </li>
                  )}
                  {p.violations.map((v, i) => (
                    <li key={`v${i}`} className={`violation ${v.severity}`}>
                      {t('import.violation', { severity: t(`import.severity.${v.severity}`), unit: v.unitName, message: v.message })}
                    </li>
                  ))}
                  {more > 0 && (
                    <li>
                      <button type="button" className="link" onClick={() => void showAll(p.index)}>
                        {t('import.moreFindings', { count: more })}
                      </button>
                    </li>
                  )}
                </ul>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
