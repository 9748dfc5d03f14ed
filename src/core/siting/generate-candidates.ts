import { gapAt, type GapGrid } from '../gap-polygons.ts';
import type { WalkGraph } from '../walk-graph.ts';

/**
 * Candidate sites generated where they can help: walk-graph nodes inside a service gap or within
 * one gap-grid cell of one, thinned so that no two candidates are closer than `spacingM` metres
 * (local projection). Street junctions are taken before mid-street nodes (a facility entrance on a
 * corner serves more directions), then nodes in graph order, so the result is deterministic.
 * Returns lon/lat interleaved.
 */
export function generateCandidates(graph: WalkGraph, grid: GapGrid, spacingM: number, maxCount = 5000): Float64Array {
  const { kx, ky, cellSizeM } = grid;
  const near: number[] = [];
  for (let v = 0; v < graph.nodeCount; v++) {
    const lon = graph.coords[2 * v], lat = graph.coords[2 * v + 1];
    let hit = false;
    for (let dx = -1; dx <= 1 && !hit; dx++) {
      for (let dy = -1; dy <= 1 && !hit; dy++) hit = gapAt(grid, lon + (dx * cellSizeM) / kx, lat + (dy * cellSizeM) / ky) >= 0;
    }
    if (hit) near.push(v);
  }
  const degree = (v: number) => graph.adjOffsets[v + 1] - graph.adjOffsets[v];
  near.sort((a, b) => (degree(b) >= 3 ? 1 : 0) - (degree(a) >= 3 ? 1 : 0) || a - b);

  // Thinning on a hash grid of spacing-sized cells: a new point checks the 3×3 block around it.
  const taken = new Map<string, number[]>();
  const out: number[] = [];
  const s2 = spacingM * spacingM;
  for (const v of near) {
    if (out.length / 2 >= maxCount) break;
    const x = graph.coords[2 * v] * kx, y = graph.coords[2 * v + 1] * ky;
    const cx = Math.floor(x / spacingM), cy = Math.floor(y / spacingM);
    let clear = true;
    for (let dx = -1; dx <= 1 && clear; dx++) {
      for (let dy = -1; dy <= 1 && clear; dy++) {
        for (const k of taken.get(`${cx + dx},${cy + dy}`) ?? []) {
          const ex = out[2 * k] * kx - x, ey = out[2 * k + 1] * ky - y;
          if (ex * ex + ey * ey < s2) {
            clear = false;
            break;
          }
        }
      }
    }
    if (!clear) continue;
    const key = `${cx},${cy}`;
    const list = taken.get(key);
    if (list) list.push(out.length / 2);
    else taken.set(key, [out.length / 2]);
    out.push(graph.coords[2 * v], graph.coords[2 * v + 1]);
  }
  return Float64Array.from(out);
}

/**
 * Candidates without a street network (straight-line mode): the centres of gap-grid cells that
 * belong to a gap, thinned to `spacingM` the same way. Lon/lat interleaved.
 */
export function gapCellCandidates(grid: GapGrid, spacingM: number, maxCount = 5000): Float64Array {
  const { kx, ky, cellSizeM, cols, rows, col0, row0, label } = grid;
  const out: number[] = [];
  const s2 = spacingM * spacingM;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (label[r * cols + c] < 0 || out.length / 2 >= maxCount) continue;
      const x = (c + col0 + 0.5) * cellSizeM, y = (r + row0 + 0.5) * cellSizeM;
      let clear = true;
      for (let k = 0; k < out.length && clear; k += 2) {
        const dx = out[k] * kx - x, dy = out[k + 1] * ky - y;
        clear = dx * dx + dy * dy >= s2;
      }
      if (clear) out.push(x / kx, y / ky);
    }
  }
  return Float64Array.from(out);
}
