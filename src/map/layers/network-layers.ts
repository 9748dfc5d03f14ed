import { LineLayer, PathLayer, PolygonLayer } from '@deck.gl/layers';
import { REACH_BANDS } from '../coverage-colors.ts';

const segmentData = (segments: Float64Array) => ({
  length: segments.length / 4,
  attributes: {
    getSourcePosition: { value: segments, size: 2, stride: 32, offset: 0 },
    getTargetPosition: { value: segments, size: 2, stride: 32, offset: 16 },
  },
});

/** Pieces of the walk graph not connected to its largest component: data problems to see. */
export function isolatedNetworkLayer(segments: Float64Array) {
  return new LineLayer({ id: 'isolated-network', data: segmentData(segments), getColor: [200, 0, 160, 230], getWidth: 3, widthUnits: 'pixels' });
}

/** One facility's reach along the streets, each piece coloured by the distance at its far end. */
export function serviceAreaLayers(area: { segments: Float64Array; endM: Float64Array; outlines: Float64Array[] } | null) {
  if (!area) return [];
  const paths = Array.from(area.endM, (d, k) => ({ path: [[area.segments[4 * k], area.segments[4 * k + 1]], [area.segments[4 * k + 2], area.segments[4 * k + 3]]] as [number, number][], d }));
  const outline = area.outlines[area.outlines.length - 1];
  return [
    new PolygonLayer({
      id: 'service-area-outline',
      data: outline && outline.length ? [{ ring: Array.from({ length: outline.length / 2 }, (_, i) => [outline[2 * i], outline[2 * i + 1]]) }] : [],
      getPolygon: (o: { ring: number[][] }) => o.ring,
      filled: true,
      getFillColor: [33, 113, 181, 40],
      stroked: true,
      getLineColor: [8, 48, 107, 255],
      getLineWidth: 3,
      lineWidthUnits: 'pixels',
    }),
    new PathLayer({
      id: 'service-area',
      data: paths,
      getPath: (p: { path: [number, number][] }) => p.path,
      getColor: (p: { d: number }) => (REACH_BANDS.find((b) => p.d <= b.maxM) ?? REACH_BANDS[2]).color,
      getWidth: 5,
      widthUnits: 'pixels',
      capRounded: true,
    }),
  ];
}
