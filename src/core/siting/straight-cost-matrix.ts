import Flatbush from 'flatbush';
import { haversineMetres } from '../geodesic-distance.ts';
import { localProjection, meanLatitude } from '../local-projection.ts';
import { costMatrixFromTriples, type CostMatrix } from './cost-matrix.ts';

/**
 * Straight-line (great-circle) cost in metres between demand points and sites within `limitM`.
 * A flatbush box search in local metres finds the candidates (widened by 1 % for the projection's
 * scale error); the reported cost is the haversine distance. Coordinates are lon/lat interleaved.
 */
export function straightCostMatrix(demandCoords: Float64Array, siteCoords: Float64Array, limitM: number): CostMatrix {
  const nd = demandCoords.length / 2;
  const ns = siteCoords.length / 2;
  const { kx, ky } = localProjection(meanLatitude(demandCoords, siteCoords));
  const index = new Flatbush(Math.max(1, nd));
  for (let i = 0; i < nd; i++) index.add(demandCoords[2 * i] * kx, demandCoords[2 * i + 1] * ky);
  if (nd === 0) index.add(Infinity, Infinity);
  index.finish();
  const r = limitM * 1.01;
  const outDemand: number[] = [];
  const outSite: number[] = [];
  const outCost: number[] = [];
  for (let j = 0; j < ns; j++) {
    const lon = siteCoords[2 * j], lat = siteCoords[2 * j + 1];
    const x = lon * kx, y = lat * ky;
    for (const i of index.search(x - r, y - r, x + r, y + r)) {
      if (i >= nd) continue;
      const m = haversineMetres(lon, lat, demandCoords[2 * i], demandCoords[2 * i + 1]);
      if (m <= limitM) {
        outDemand.push(i);
        outSite.push(j);
        outCost.push(m);
      }
    }
  }
  return costMatrixFromTriples(nd, ns, outDemand, outSite, outCost, limitM);
}
