import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { FACILITY_TYPES } from '../../core/facility-types.ts';
import { DEFAULT_PERSONS_PER_HOUSEHOLD, ROLES_BY_KIND, type FieldMapping, type FieldRole, type MappedKind } from '../../io/field-mapping/field-mapping.ts';
import { mappingNeedsAnswer, type LayerInspection } from '../../io/field-mapping/inspect-layer-table.ts';
import { FIXABLE, type RowAction, type RowDecision } from '../../io/field-mapping/row-problems.ts';
import type { AreaSession, LayerFile, LayerKind } from '../area-session.ts';
import { useT, type StringKey } from '../i18n.ts';
import { rememberedMapping, rememberMapping } from '../remembered-mappings.ts';

/*
 * When the dialog appears (documented in README "Field mapping"): only when Lifecircle needs an
 * answer — a required field has no column, or facility type values match no type, or a mapped
 * file (remembered or being edited) has rows with problems. A file the readers understand loads
 * at once, as before (rows with problems skipped with a warning, or the file refused, by the
 * reader), and its problem rows are offered for review ("逐行检查 / Review rows") in the loader
 * panel, where the planner chooses fix / skip / cancel. A file with the columns of one mapped
 * earlier (same signature) loads with that mapping and a note "mapping remembered from …".
 * ASK_ON_ROW_PROBLEMS = true would open the dialog for every file with problem rows instead.
 */
const ASK_ON_ROW_PROBLEMS = false;

const overlay: CSSProperties = { position: 'fixed', inset: 0, background: 'rgba(0,0,0,0.3)', zIndex: 50, display: 'flex', alignItems: 'center', justifyContent: 'center' };
const box: CSSProperties = { background: '#fff', border: '1px solid #999', boxShadow: '0 4px 16px rgba(0,0,0,0.25)', padding: 14, width: 'min(760px, 94vw)', maxHeight: '88vh', overflow: 'auto', fontSize: 13 };
const table: CSSProperties = { borderCollapse: 'collapse', width: '100%', margin: '4px 0 8px' };
const cell: CSSProperties = { borderBottom: '1px solid #eee', padding: '2px 6px', textAlign: 'left', verticalAlign: 'top' };
const section: CSSProperties = { fontWeight: 600, margin: '10px 0 2px' };

/** The layers the mapping step applies to: not the street network, not OSM files, not population read as buildings/totals. */
export function mappingApplies(kind: LayerKind, lf: LayerFile): kind is MappedKind {
  return (kind === 'population' || kind === 'facilities' || kind === 'communities') && !/\.(osm|pbf)$/i.test(lf.name) && !lf.populationSource;
}

interface Ask {
  kind: MappedKind;
  lf: LayerFile;
  session: AreaSession;
  inspection: LayerInspection;
  mapping: FieldMapping;
  decision: RowDecision;
  remembered: string | null;
  resolve: (lf: LayerFile | null) => void;
}

/**
 * The mapping step between choosing a file and loading it: `ask` resolves to the LayerFile to load
 * (with its mapping and row decision) or null when the planner cancels. `dialog` is rendered by the
 * app; `notes` says per layer which mapping was applied.
 */
export function useFieldMappingStep() {
  const [ask, setAsk] = useState<Ask | null>(null);
  const [notes, setNotes] = useState<Partial<Record<MappedKind, { file: string; remembered: string | null }>>>({});
  const [offers, setOffers] = useState<Partial<Record<MappedKind, { lf: LayerFile; rows: number[] }>>>({});

  const start = async (kind: MappedKind, lf: LayerFile, session: AreaSession, edit = false): Promise<LayerFile | null> => {
    let inspection: LayerInspection;
    try {
      inspection = await session.inspectLayer(lf, kind, lf.mapping);
    } catch {
      // The reader's own message says what is wrong with the file: load it and let it fail as before.
      return edit ? null : lf;
    }
    const saved = !lf.mapping && !edit ? rememberedMapping(inspection.signature) : null;
    let mapping = lf.mapping ?? saved?.mapping;
    if (saved) {
      try {
        inspection = await session.inspectLayer(lf, kind, saved.mapping);
      } catch {
        mapping = undefined;
      }
    }
    const decision = lf.rowDecision ?? (mapping ? saved?.rowDecision : undefined) ?? {};
    const remembered = mapping && saved ? saved.savedAt : null;
    const open = { ...inspection, problems: inspection.problems.filter((p) => !decision[p.kind]) };
    if (!edit && !mappingNeedsAnswer(open, { rowProblems: ASK_ON_ROW_PROBLEMS || !!mapping })) {
      setNotes((n) => ({ ...n, [kind]: mapping ? { file: lf.name, remembered } : undefined }));
      const rows = [...new Set(open.problems.flatMap((p) => p.rows))].sort((a, b) => a - b);
      setOffers((o) => ({ ...o, [kind]: rows.length ? { lf, rows } : undefined }));
      return mapping ? { ...lf, mapping, rowDecision: decision } : lf;
    }
    setOffers((o) => ({ ...o, [kind]: undefined }));
    return new Promise((resolve) => setAsk({ kind, lf, session, inspection, mapping: mapping ?? inspection.guess, decision, remembered, resolve }));
  };

  const dialog = ask && (
    <FieldMappingDialog key={`${ask.kind}|${ask.lf.name}`} {...ask}
      onCancel={() => { setAsk(null); ask.resolve(null); }}
      onLoad={(mapping, rowDecision, signature) => {
        rememberMapping(signature, { mapping, rowDecision, savedAt: new Date().toISOString(), file: ask.lf.name });
        setNotes((n) => ({ ...n, [ask.kind]: { file: ask.lf.name, remembered: null } }));
        setOffers((o) => ({ ...o, [ask.kind]: undefined }));
        setAsk(null);
        ask.resolve({ ...ask.lf, mapping, rowDecision });
      }} />
  );
  return { ask: start, dialog, notes, offers };
}

interface DialogProps {
  kind: MappedKind;
  lf: LayerFile;
  session: AreaSession;
  inspection: LayerInspection;
  mapping: FieldMapping;
  decision: RowDecision;
  remembered: string | null;
  onLoad: (mapping: FieldMapping, decision: RowDecision, signature: string) => void;
  onCancel: () => void;
}

/** The dialog: columns with samples, a select per role, type values → facility types, rows with problems → fix / skip; Load or Cancel. */
export function FieldMappingDialog({ kind, lf, session, inspection, mapping: initial, decision: initialDecision, remembered, onLoad, onCancel }: DialogProps) {
  const t = useT();
  const [columns, setColumns] = useState<FieldMapping['columns']>(initial.columns);
  const [pph, setPph] = useState(initial.personsPerHousehold ?? DEFAULT_PERSONS_PER_HOUSEHOLD);
  const [typeAnswers, setTypeAnswers] = useState<Record<string, string>>(initial.typeValues ?? {});
  const [decision, setDecision] = useState<RowDecision>(initialDecision);
  const [ins, setIns] = useState(inspection);
  const [checking, setChecking] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const sameColumns = JSON.stringify(columns) === JSON.stringify(inspection.mapping.columns);

  useEffect(() => ref.current?.focus(), []);
  // Problems and type values depend on the columns chosen: asked again of the worker (big files stay off the main thread).
  useEffect(() => {
    if (sameColumns) return setIns(inspection);
    const ac = new AbortController();
    setChecking(true);
    const timer = setTimeout(() => {
      session.inspectLayer(lf, kind, { kind, columns }, ac.signal).then(setIns, () => {}).finally(() => setChecking(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      ac.abort();
    };
  }, [JSON.stringify(columns)]);

  const roles = ROLES_BY_KIND[kind].filter((r) => ins.table === 'csv' || (r !== 'lon' && r !== 'lat'));
  const typeOf = (value: string, guess: string | null) => (Object.hasOwn(typeAnswers, value) ? typeAnswers[value] : guess ?? '');
  const popFromHouseholds = !columns.pop && !!columns.households;
  const build = (): FieldMapping => {
    const cols = Object.fromEntries(Object.entries(columns).filter(([, c]) => c)) as FieldMapping['columns'];
    const m: FieldMapping = { kind, columns: cols };
    if (kind === 'facilities' && cols.type && ins.typeValues) m.typeValues = Object.fromEntries(ins.typeValues.map((v) => [v.value, typeOf(v.value, v.guess)]));
    if (popFromHouseholds) m.personsPerHousehold = pph;
    return m;
  };
  const actions = Object.fromEntries(ins.problems.map((p) => [p.kind, decision[p.kind] ?? 'skip'])) as RowDecision;

  return (
    <div style={overlay} onKeyDown={(e) => { if (e.key === 'Escape') onCancel(); }}>
      <div style={box} role="dialog" aria-modal="true" aria-labelledby="mapping-title" tabIndex={-1} ref={ref} data-testid="mapping-dialog" data-signature={ins.signature}>
        <h2 id="mapping-title" style={{ fontSize: 16, margin: '0 0 6px' }}>{t('mappingTitle', { file: lf.name })}</h2>
        <div className="hint">{t('mappingIntro', { rows: ins.rowCount, format: ins.source.format })}</div>
        {ins.sampledRows && <div className="hint" data-testid="mapping-sampled">{t('mappingSampled', { n: ins.sampledRows })}</div>}
        {remembered && <div className="hint note" data-testid="mapping-remembered">{t('mappingRemembered', { date: new Date(remembered).toLocaleString() })}</div>}

        <div style={section}>{t('mappingRoles')}</div>
        <div style={{ display: 'grid', gridTemplateColumns: 'max-content minmax(140px, 240px) 1fr', gap: '4px 8px', alignItems: 'center' }}>
          {roles.map((role) => (
            <RoleSelect key={role} role={role} value={columns[role] ?? ''} columns={ins.columns.map((c) => c.name)} missing={ins.missing.includes(role)}
              samples={ins.columns.find((c) => c.name === columns[role])?.samples.slice(0, 3).join(' · ') ?? ''}
              label={t(`mappingRole_${role}` as StringKey)} none={t('mappingNone')} onChange={(v) => setColumns((c) => ({ ...c, [role]: v || undefined }))} />
          ))}
          {popFromHouseholds && (
            <>
              <label htmlFor="mapping-pph">{t('mappingPersonsPerHousehold')}</label>
              <input id="mapping-pph" type="number" min={0.1} step={0.01} value={pph} data-testid="mapping-pph" onChange={(e) => setPph(Number(e.target.value) || DEFAULT_PERSONS_PER_HOUSEHOLD)} style={{ width: 80 }} />
              <span className="hint">{t('mappingPopFromHouseholds')}</span>
            </>
          )}
        </div>
        {ins.missing.length > 0 && !checking && (
          <div className="hint warning" role="alert" data-testid="mapping-missing">{t('mappingMissing', { roles: ins.missing.map((r) => t(`mappingRole_${r}` as StringKey)).join('、') })}</div>
        )}

        {kind === 'facilities' && columns.type && ins.typeValues && (
          <>
            <div style={section}>{t('mappingTypeValues')}</div>
            <table style={table} data-testid="mapping-type-values">
              <thead><tr><th style={cell}>{t('mappingTypeValue')}</th><th style={cell}>{t('mappingTypeCount')}</th><th style={cell}>{t('mappingTypeTarget')}</th></tr></thead>
              <tbody>
                {ins.typeValues.map((v, i) => (
                  <tr key={v.value} data-testid="mapping-type-value" data-value={v.value}>
                    <td style={cell}><label htmlFor={`mapping-tv-${i}`}>{v.value}</label>{!v.guess && <span className="hint warning"> · {t('mappingTypeUnknown')}</span>}</td>
                    <td style={cell}>{v.count}</td>
                    <td style={cell}>
                      <select id={`mapping-tv-${i}`} value={typeOf(v.value, v.guess)} data-testid="mapping-type-select" data-value={v.value}
                        onChange={(e) => setTypeAnswers((a) => ({ ...a, [v.value]: e.target.value }))}>
                        <option value="">{t('mappingNotFacility')}</option>
                        {FACILITY_TYPES.map((f) => <option key={f.id} value={f.id}>{f.zh} · {f.en} ({f.id})</option>)}
                        {!FACILITY_TYPES.some((f) => f.id === v.value) && <option value={v.value}>{t('mappingKeepCustom', { value: v.value })}</option>}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {ins.typeValuesTruncated && <div className="hint">{t('mappingTypeTruncated', { n: ins.typeValues.length })}</div>}
          </>
        )}

        <div style={section}>{t('mappingProblems')}</div>
        {ins.problems.length === 0 ? (
          <div className="hint" data-testid="mapping-no-problems">{t('mappingNoProblems')}</div>
        ) : (
          <table style={table} data-testid="mapping-problems">
            <tbody>
              {ins.problems.map((p) => (
                <tr key={p.kind} data-testid={`mapping-problem-${p.kind}`} data-rows={p.rows.join(',')}>
                  <td style={cell}>{t(`mappingProblem_${p.kind}` as StringKey)}{p.column ? ` (${p.column})` : ''}<br />
                    <span className="hint">{t('mappingProblemRows', { n: p.rows.length, rows: `${p.rows.slice(0, 20).join(', ')}${p.rows.length > 20 ? ', …' : ''}` })} · {p.examples.slice(0, 3).join('; ')}</span></td>
                  <td style={cell}>
                    <select aria-label={t(`mappingProblem_${p.kind}` as StringKey)} value={actions[p.kind]} data-testid={`mapping-action-${p.kind}`}
                      onChange={(e) => setDecision((d) => ({ ...d, [p.kind]: e.target.value as RowAction }))}>
                      <option value="skip">{t('mappingSkip')}</option>
                      {FIXABLE[p.kind] && <option value="fix">{t('mappingFix')}</option>}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <details>
          <summary style={section}>{t('mappingColumns')}</summary>
          {ins.geometryKinds && <div className="hint">{t('mappingGeometry', { kinds: Object.entries(ins.geometryKinds).map(([k, n]) => `${k} ${n}`).join(', ') })}</div>}
          <table style={table} data-testid="mapping-columns">
            <thead><tr><th style={cell}>{t('mappingColumn')}</th><th style={cell}>{t('mappingSamples')}</th></tr></thead>
            <tbody>{ins.columns.map((c) => <tr key={c.name}><td style={cell}>{c.name}</td><td style={cell}>{c.samples.join(' · ')}</td></tr>)}</tbody>
          </table>
        </details>

        <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end', marginTop: 10 }}>
          {checking && <span className="hint">{t('mappingChecking')}</span>}
          <button onClick={onCancel} data-testid="mapping-cancel">{t('cancel')}</button>
          <button onClick={() => onLoad(build(), actions, ins.signature)} disabled={checking || ins.missing.length > 0} data-testid="mapping-load">{t('mappingLoad')}</button>
        </div>
      </div>
    </div>
  );
}

function RoleSelect({ role, value, columns, missing, label, none, samples, onChange }: { role: FieldRole; value: string; columns: string[]; missing: boolean; label: string; none: string; samples: string; onChange: (v: string) => void }) {
  return (
    <>
      <label htmlFor={`mapping-role-${role}`} style={missing ? { color: '#a33' } : undefined}>{label}</label>
      <select id={`mapping-role-${role}`} value={value} data-testid={`mapping-role-${role}`} aria-invalid={missing || undefined} onChange={(e) => onChange(e.target.value)}>
        <option value="">{none}</option>
        {columns.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
      {/* The chosen column's first values, so a wrong choice shows at once. */}
      <span className="hint" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} data-testid={`mapping-samples-${role}`}>{samples}</span>
    </>
  );
}

/** Per mapped layer in the loader panel: which mapping applies (remembered from when), and a button to edit it. */
export function FieldMappingNotes({ files, notes, offers, disabled, onEdit }: {
  files: Partial<Record<LayerKind, LayerFile>>;
  notes: Partial<Record<MappedKind, { file: string; remembered: string | null }>>;
  /** Files loaded (or refused) with rows with problems, to review in the dialog. */
  offers: Partial<Record<MappedKind, { lf: LayerFile; rows: number[] }>>;
  disabled: boolean;
  onEdit: (kind: MappedKind, file: LayerFile) => void;
}): ReactNode {
  const t = useT();
  const kinds = (['population', 'facilities', 'communities'] as const).filter((k) => files[k] && mappingApplies(k, files[k]!));
  if (!kinds.length) return null;
  return (
    <div className="hint" data-testid="mapping-notes">
      {(['population', 'facilities', 'communities'] as const).map((k) => offers[k] && (
        <div key={`offer-${k}`} className="hint note" data-testid={`mapping-offer-${k}`}>
          {t('mappingOffer', { file: offers[k]!.lf.name, n: offers[k]!.rows.length, rows: `${offers[k]!.rows.slice(0, 8).join(', ')}${offers[k]!.rows.length > 8 ? ', …' : ''}` })}
          {' '}<button disabled={disabled} onClick={() => onEdit(k, offers[k]!.lf)} data-testid={`mapping-review-${k}`}>{t('mappingReview')}</button>
        </div>
      ))}
      {kinds.map((k) => {
        const f = files[k]!;
        const note = notes[k]?.file === f.name ? notes[k] : undefined;
        return (
          <div key={k} data-testid={`mapping-note-${k}`}>
            {t(k === 'population' ? 'layerPopulation' : k === 'facilities' ? 'layerFacilities' : 'layerCommunities')}
            {f.mapping && <> · {note?.remembered ? t('mappingAppliedRemembered', { date: new Date(note.remembered).toLocaleString() }) : t('mappingApplied')}</>}
            {' '}<button disabled={disabled} onClick={() => onEdit(k, f)} data-testid={`mapping-edit-${k}`}>{t('mappingEdit')}</button>
          </div>
        );
      })}
    </div>
  );
}
