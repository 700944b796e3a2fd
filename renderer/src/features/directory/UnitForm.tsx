/** Add or edit one unit: code, name, kind, parent and due day; deactivate or delete it. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DirectoryUnit } from '../../../../shared/api/methods/units';
import { UNIT_KINDS, type UnitKind } from '../../../../shared/domain';
import { api } from '../../api/client';
import { apiInputs } from '../../../../shared/api/contract';
import { checkForm, focusField } from '../../components/formCheck';
import { t } from '../../i18n/catalog';

export type FormTarget = { mode: 'new'; parentCode: string | null } | { mode: 'edit'; unit: DirectoryUnit };

interface Props {
  target: FormTarget;
  units: DirectoryUnit[];
  onDone(message: string, focusCode?: string): void;
  onError(message: string): void;
  onNew(): void;
}

function descendantsOf(units: DirectoryUnit[], code: string): Set<string> {
  const out = new Set([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentCode && out.has(u.parentCode) && !out.has(u.code)) {
        out.add(u.code);
        grew = true;
      }
    }
  }
  return out;
}

export function UnitForm({ target, units, onDone, onError, onNew }: Props) {
  const editing = target.mode === 'edit' ? target.unit : null;
  const [code, setCode] = useState(editing?.code ?? '');
  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState<UnitKind>(editing?.kind ?? '部门');
  const [parentCode, setParentCode] = useState(editing ? (editing.parentCode ?? '') : target.mode === 'new' ? (target.parentCode ?? '') : '');
  const [dueDay, setDueDay] = useState(editing?.dueDay != null ? String(editing.dueDay) : '');
  const first = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => first.current?.focus(), [target]);

  // A unit cannot move under itself or its own sub-units; inactive units take no new members.
  const excluded = editing ? descendantsOf(units, editing.code) : new Set<string>();
  const parents = units.filter((u) => (u.active || u.code === editing?.parentCode) && !excluded.has(u.code));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const day = dueDay.trim() === '' ? null : Number(dueDay);
    if (day !== null && (!Number.isInteger(day) || day < 1 || day > 28)) return onError(t('directory.dueDay.invalid'));
    const refused = (where: string, message: string) => {
      onError(message);
      // A new code is typed in the code field.
      focusField(form.current, where === 'newCode' ? 'code' : where);
    };
    const fields = { name, kind, parentCode: parentCode || null, dueDay: day };
    let r;
    if (editing) {
      const checked = checkForm(apiInputs['units.update'], { ...fields, code: editing.code, newCode: code.trim() !== editing.code ? code.trim() : undefined });
      if (!checked.ok) return refused(checked.where, checked.message);
      r = await api.call('units.update', checked.data);
    } else {
      const checked = checkForm(apiInputs['units.create'], { ...fields, code });
      if (!checked.ok) return refused(checked.where, checked.message);
      r = await api.call('units.create', checked.data);
    }
    if (!r.ok) return onError(r.error.message);
    onDone(t(editing ? 'directory.saved' : 'directory.created', { name: r.data.name }), r.data.code);
  }

  async function act(method: 'units.deactivate' | 'units.reactivate' | 'units.delete') {
    if (!editing) return;
    if (method === 'units.delete' && !window.confirm(t('directory.confirmDelete', { name: editing.name }))) return;
    const r = await api.call(method, { code: editing.code });
    if (!r.ok) return onError(r.error.message);
    const msg = method === 'units.delete' ? t('directory.deleted', { code: editing.code }) : t(method === 'units.deactivate' ? 'directory.deactivated' : 'directory.reactivated', { name: editing.name });
    onDone(msg, method === 'units.delete' ? undefined : editing.code);
  }

  return (
    <form ref={form} className="card unit-form" noValidate onSubmit={(e) => void submit(e)} aria-label={editing ? t('directory.form.edit', { name: editing.name }) : t('directory.form.new')}>
      <h2>{editing ? t('directory.form.edit', { name: editing.name }) : t('directory.form.new')}</h2>
      <label>
        {t('directory.form.code')}
        <input ref={first} value={code} onChange={(e) => setCode(e.target.value)} name="code" aria-required="true" maxLength={40} />
      </label>
      <label>
        {t('directory.form.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} name="name" aria-required="true" maxLength={100} />
      </label>
      <label>
        {t('directory.form.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as UnitKind)}>
          {UNIT_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </label>
      <label>
        {t('directory.form.parent')}
        <select value={parentCode} onChange={(e) => setParentCode(e.target.value)}>
          <option value="">{t('directory.form.noParent')}</option>
          {parents.map((u) => (
            <option key={u.code} value={u.code}>
              {'　'.repeat(u.depth)}
              {u.name}（{u.code}）
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('directory.form.dueDay')}
        <input type="number" min={1} max={28} value={dueDay} onChange={(e) => setDueDay(e.target.value)} inputMode="numeric" />
      </label>
      <div className="form-actions">
        <button type="submit" className="primary">
          {editing ? t('directory.form.save') : t('directory.form.create')}
        </button>
        {editing && (
          <>
            {editing.active ? (
              <button type="button" onClick={() => void act('units.deactivate')} disabled={editing.isSelf}>
                {t('directory.form.deactivate')}
              </button>
            ) : (
              <button type="button" onClick={() => void act('units.reactivate')}>
                {t('directory.form.reactivate')}
              </button>
            )}
            <button type="button" onClick={() => void act('units.delete')} disabled={editing.hasRecords || editing.isSelf} title={t('directory.form.deleteHint')}>
              {t('directory.form.delete')}
            </button>
            <button type="button" onClick={onNew}>
              {t('directory.form.reset')}
            </button>
          </>
        )}
      </div>
    </form>
  );
}
