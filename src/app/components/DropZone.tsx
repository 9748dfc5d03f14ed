import { useState } from 'react';
import type { LayerKind } from '../area-session.ts';
import { useT } from '../i18n.ts';
import { LAYER_KINDS } from './LayerLoader.tsx';

/**
 * The layer a file most likely is, from its name (English and Chinese words planners use);
 * null when the name says nothing or matches more than one layer: then the user is asked.
 */
export function guessLayerKind(name: string): LayerKind | null {
  const n = name.toLowerCase();
  const hits: LayerKind[] = [];
  if (/communit|社区|小区|街坊|居委|boundar|边界/.test(n)) hits.push('communities');
  if (/facilit|poi|设施|兴趣点|school|学校|amenit/.test(n)) hits.push('facilities');
  if (/popul|人口|census|residents|居民|grid|格网/.test(n)) hits.push('population');
  if (/street|network|road|路网|道路|\.osm$|\.pbf$/.test(n)) hits.push('network');
  return hits.length === 1 ? hits[0] : null;
}

/**
 * Drag-and-drop onto the map: an overlay appears while files are dragged over the page; a dropped
 * file goes to the layer its name suggests, else a small chooser asks. A hidden file input
 * (`drop-input`) does the same for keyboard users and tests.
 */
export function DropZone({ disabled, onFile, children }: { disabled: boolean; onFile: (kind: LayerKind, file: File) => void; children: React.ReactNode }) {
  const t = useT();
  const [over, setOver] = useState(false);
  const [pending, setPending] = useState<File | null>(null);
  const take = (file: File | undefined) => {
    if (!file || disabled) return;
    const kind = guessLayerKind(file.name);
    if (kind) onFile(kind, file);
    else setPending(file);
  };
  const hasFiles = (e: React.DragEvent) => [...e.dataTransfer.types].includes('Files');
  return (
    <main className="map-wrap" data-testid="drop-zone"
      onDragEnter={(e) => { if (hasFiles(e)) { e.preventDefault(); setOver(true); } }}
      onDragOver={(e) => { if (hasFiles(e)) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; setOver(true); } }}
      onDragLeave={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false); }}
      onDrop={(e) => { e.preventDefault(); setOver(false); take(e.dataTransfer.files[0]); }}>
      {children}
      {over && <div className="drop-overlay" data-testid="drop-overlay">{t('dropHere')}</div>}
      <input type="file" hidden data-testid="drop-input" onChange={(e) => { take(e.target.files?.[0]); e.target.value = ''; }} />
      {pending && (
        <div className="drop-chooser" role="dialog" data-testid="drop-chooser">
          <div>{t('dropChoose', { name: pending.name })}</div>
          {LAYER_KINDS.map(({ kind, label }) => (
            <button key={kind} data-testid={`drop-as-${kind}`} onClick={() => { setPending(null); onFile(kind, pending); }}>{t(label)}</button>
          ))}
          <button onClick={() => setPending(null)}>{t('cancel')}</button>
        </div>
      )}
    </main>
  );
}
