import { GeoJsonLayer } from '@deck.gl/layers';
import { shareColor } from '../coverage-colors.ts';

/** Community units filled by covered-population share; the selected unit outlined in bold. */
export function communityLayer(geojson: GeoJSON.FeatureCollection, shareByIdx: Map<number, number | null>, selected: number | null, key: string) {
  return new GeoJsonLayer({
    id: 'communities',
    data: geojson,
    filled: true,
    stroked: true,
    getFillColor: (_f: unknown, { index }: { index: number }) => shareColor(shareByIdx.get(index)),
    getLineColor: (_f: unknown, { index }: { index: number }) => (index === selected ? [20, 20, 120, 255] : [90, 90, 110, 180]),
    getLineWidth: (_f: unknown, { index }: { index: number }) => (index === selected ? 4 : 1),
    lineWidthUnits: 'pixels',
    updateTriggers: { getFillColor: key, getLineColor: selected, getLineWidth: selected },
    pickable: true,
  });
}
