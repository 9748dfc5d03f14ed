import { PolygonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { GapPolygon } from '../../core/gap-polygons.ts';
import type { Proposal } from '../../core/siting/siting-scenario.ts';

export const GAP_COLOR: [number, number, number] = [214, 39, 40];
export const PROPOSAL_COLOR: [number, number, number] = [123, 50, 148];
export const CANDIDATE_COLOR: [number, number, number] = [110, 110, 110];

const ringsOf = (g: GapPolygon) => g.rings.map((r) => Array.from({ length: r.length / 2 }, (_, k) => [r[2 * k], r[2 * k + 1]]));

/** Service gaps: red outlines with a light fill, darker for more uncovered residents (relative to the largest gap); light enough that the coverage colours underneath stay readable. */
export function gapLayer(gaps: GapPolygon[], selectedRank: number | null) {
  const max = Math.max(1, ...gaps.map((g) => g.population));
  return new PolygonLayer<GapPolygon>({
    id: 'gaps',
    data: gaps,
    getPolygon: ringsOf,
    getFillColor: (g) => [...GAP_COLOR, Math.round(10 + 40 * Math.sqrt(g.population / max))],
    getLineColor: (g) => (g.rank === selectedRank ? [0, 0, 0, 255] : [...GAP_COLOR, 230]),
    getLineWidth: (g) => (g.rank === selectedRank ? 3 : 1.5),
    lineWidthUnits: 'pixels',
    stroked: true,
    filled: true,
    pickable: true,
    updateTriggers: { getLineColor: selectedRank, getLineWidth: selectedRank },
  });
}

/** Candidate sites: small grey dots. */
export function candidateLayer(coords: Float64Array) {
  return new ScatterplotLayer({
    id: 'candidates',
    data: { length: coords.length / 2, attributes: { getPosition: { value: coords, size: 2 } } },
    radiusUnits: 'pixels',
    getRadius: 2.5,
    getFillColor: [...CANDIDATE_COLOR, 200],
    pickable: true,
  });
}

/** Proposed sites: the radius they serve (straight line, for orientation), a purple marker and the rank. */
export function proposalLayers(proposals: Proposal[], radiusM: number) {
  return [
    new ScatterplotLayer<Proposal>({
      id: 'proposal-radius',
      data: proposals,
      getPosition: (p) => [p.lon, p.lat],
      radiusUnits: 'meters',
      getRadius: radiusM,
      updateTriggers: { getRadius: radiusM },
      filled: true,
      getFillColor: [...PROPOSAL_COLOR, 25],
      stroked: true,
      getLineColor: [...PROPOSAL_COLOR, 200],
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      pickable: false,
    }),
    new ScatterplotLayer<Proposal>({
      id: 'proposals',
      data: proposals,
      getPosition: (p) => [p.lon, p.lat],
      radiusUnits: 'pixels',
      getRadius: 10,
      getFillColor: [...PROPOSAL_COLOR, 255],
      stroked: true,
      getLineColor: [255, 255, 255, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      pickable: true,
    }),
    new TextLayer<Proposal>({
      id: 'proposal-ranks',
      data: proposals,
      getPosition: (p) => [p.lon, p.lat],
      getText: (p) => String(p.rank),
      getSize: 12,
      getColor: [255, 255, 255, 255],
      fontWeight: 700,
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
      characterSet: '0123456789',
      pickable: false,
    }),
  ];
}
