import type { LayerKind } from '../area-session.ts';
import { useT, type StringKey } from '../i18n.ts';

const KINDS: { kind: LayerKind; label: StringKey; accept: string }[] = [
  { kind: 'population', label: 'layerPopulation', accept: '.csv,.geojson,.json' },
  { kind: 'facilities', label: 'layerFacilities', accept: '.csv,.geojson,.json,.osm,.pbf' },
  { kind: 'communities', label: 'layerCommunities', accept: '.geojson,.json' },
  { kind: 'network', label: 'layerNetwork', accept: '.osm,.pbf,.geojson,.json' },
];

/** File pickers for replacing a layer; the file's current name is shown beside each. */
export function LayerLoader({ names, disabled, onFile }: { names: Partial<Record<LayerKind, string>>; disabled: boolean; onFile: (kind: LayerKind, file: File) => void }) {
  const t = useT();
  return (
    <div className="layer-loader">
      {KINDS.map(({ kind, label, accept }) => (
        <label key={kind} className="file-row">
          <span className="file-kind">{t(label)}</span>
          <span className="file-name" title={names[kind]}>{names[kind] ?? '—'}</span>
          <input type="file" accept={accept} disabled={disabled} data-testid={`file-${kind}`}
            onChange={(e) => { const f = e.target.files?.[0]; if (f) onFile(kind, f); e.target.value = ''; }} />
        </label>
      ))}
    </div>
  );
}
