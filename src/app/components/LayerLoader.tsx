import type { ReactNode } from 'react';
import type { EncodingChoice } from '../../io/decode-text.ts';
import type { LayerSource } from '../../io/read-any-layer.ts';
import type { LayerKind } from '../area-session.ts';
import { useT, type StringKey } from '../i18n.ts';

/** Every format readAnyLayer (and the OSM readers for facilities and streets) accepts. */
const ANY = '.csv,.tsv,.txt,.geojson,.json,.geojsonl,.geojsons,.ndjson,.jsonl,.xlsx,.zip,.gpkg,.parquet,.geoparquet';
export const LAYER_KINDS: { kind: LayerKind; label: StringKey; accept: string }[] = [
  { kind: 'population', label: 'layerPopulation', accept: ANY },
  { kind: 'facilities', label: 'layerFacilities', accept: `${ANY},.osm,.pbf` },
  { kind: 'communities', label: 'layerCommunities', accept: ANY },
  { kind: 'network', label: 'layerNetwork', accept: '.osm,.pbf,.geojson,.json,.geojsonl,.geojsons,.ndjson,.jsonl' },
];

const PRESET_CRS = ['wgs84', 'gcj02', 'bd09'];

export interface LayerLoaderProps {
  /** Extra controls shown in a layer's row (the population form: PopulationSourceInput). */
  extra?: Partial<Record<LayerKind, ReactNode>>;
  /** A source line for layers read without a LayerSource (the street network: format · CRS · size). */
  notes?: Partial<Record<LayerKind, string>>;
  names: Partial<Record<LayerKind, string>>;
  sources: Partial<Record<LayerKind, LayerSource>>;
  /** The CRS chosen per layer (unset = the file's own, else WGS84). */
  crs: Partial<Record<LayerKind, string | undefined>>;
  /** The text encoding chosen per layer (unset = detect). */
  encoding: Partial<Record<LayerKind, EncodingChoice | undefined>>;
  disabled: boolean;
  onFile: (kind: LayerKind, file: File) => void;
  onCrs: (kind: LayerKind, crs: string | undefined) => void;
  onEncoding: (kind: LayerKind, encoding: EncodingChoice | undefined) => void;
}

/**
 * File pickers for replacing a layer; under each layer name, what was detected (format, text
 * encoding, coordinate system and where it came from) and a coordinate-system selector that
 * reloads the layer from the same bytes.
 */
export function LayerLoader({ extra, notes, names, sources, crs, encoding, disabled, onFile, onCrs, onEncoding }: LayerLoaderProps) {
  const t = useT();
  const fromKey: Record<LayerSource['crsFrom'], StringKey> = { prj: 'crsFromPrj', geojson: 'crsFromGeojson', default: 'crsFromDefault', argument: 'crsFromArgument', file: 'gpkgCrsFromFile' };
  return (
    <div className="layer-loader">
      {LAYER_KINDS.map(({ kind, label, accept }) => {
        const src = sources[kind];
        const chosen = crs[kind];
        const options = [...PRESET_CRS, ...(chosen && !PRESET_CRS.includes(chosen) ? [chosen] : [])];
        return (
          <div key={kind} className="file-row" data-testid={`layer-${kind}`}>
            <span className="file-kind">{t(label)}</span>
            <span className="file-name" title={names[kind]}>{names[kind] ?? '—'}</span>
            {src && (
              <span className="file-source hint" data-testid={`source-${kind}`}>
                {t('layerSource', { format: src.format, encoding: src.encoding ?? '—', crs: src.crsName })} ({t(fromKey[src.crsFrom])})
              </span>
            )}
            {!src && notes?.[kind] && <span className="file-source hint" data-testid={`source-${kind}`}>{notes[kind]}</span>}
            {names[kind] && (
              <label className="file-crs">
                <span>{t('crsLabel')}</span>
                <select value={chosen ?? ''} disabled={disabled} data-testid={`crs-${kind}`}
                  onChange={(e) => {
                    const v = e.target.value;
                    if (v === 'epsg') {
                      const code = window.prompt(t('crsEpsgPrompt'))?.trim().replace(/^epsg:/i, '');
                      if (code) onCrs(kind, `EPSG:${code}`);
                      return;
                    }
                    onCrs(kind, v || undefined);
                  }}>
                  <option value="">{t('crsDetected', { crs: src && src.crsFrom !== 'argument' ? src.crsName : 'WGS 84' })}</option>
                  {options.map((c) => <option key={c} value={c}>{c}</option>)}
                  <option value="epsg">{t('crsEpsg')}</option>
                </select>
                {src?.encoding && (
                  <select value={encoding[kind] ?? ''} disabled={disabled} data-testid={`encoding-${kind}`} title={t('encodingLabel')}
                    onChange={(e) => onEncoding(kind, (e.target.value || undefined) as EncodingChoice | undefined)}>
                    <option value="">{t('crsDetected', { crs: src.encoding })}</option>
                    {(['utf-8', 'gb18030', 'utf-16le'] as const).map((x) => <option key={x} value={x}>{x}</option>)}
                  </select>
                )}
              </label>
            )}
            <input type="file" accept={accept} disabled={disabled} data-testid={`file-${kind}`}
              onChange={(e) => { const f = e.target.files?.[0]; if (f) onFile(kind, f); e.target.value = ''; }} />
            {extra?.[kind]}
          </div>
        );
      })}
    </div>
  );
}
