import { localProjection, meanLatitude } from './local-projection.ts';

/** One service gap: a 4-connected patch of grid cells holding uncovered residents. */
export interface GapPolygon {
  /** Rank by population, 1 = largest gap. */
  rank: number;
  /** Closed rings, lon/lat interleaved: the first is the outer ring (counter-clockwise, RFC 7946), then holes (clockwise). */
  rings: Float64Array[];
  /** Uncovered residents in the patch (persons). */
  population: number;
  /** Uncovered demand points with weight > 0 inside it. */
  demandCount: number;
  cellCount: number;
  /** cellCount × cell size², square metres (local projection; < 0.2 % scale error over a city). */
  areaM2: number;
}

/** The grid the gaps were built on, so later steps can ask "is this point in gap k?". */
export interface GapGrid {
  cellSizeM: number;
  /** Metres per degree (local equirectangular projection at the data's mean latitude). */
  kx: number;
  ky: number;
  /** Grid column/row of cell (0, 0) and the grid size; one cell of margin on every side. */
  col0: number;
  row0: number;
  cols: number;
  rows: number;
  /** Per cell: index into `gaps` (0 = largest), or -1. */
  label: Int32Array;
}

export interface ServiceGaps {
  gaps: GapPolygon[];
  grid: GapGrid;
}

/** Which gap (index into gaps) holds a lon/lat point, or -1. */
export function gapAt(grid: GapGrid, lon: number, lat: number): number {
  const c = Math.floor((lon * grid.kx) / grid.cellSizeM) - grid.col0;
  const r = Math.floor((lat * grid.ky) / grid.cellSizeM) - grid.row0;
  if (c < 0 || r < 0 || c >= grid.cols || r >= grid.rows) return -1;
  return grid.label[r * grid.cols + c];
}

/**
 * Service gaps: the residents of uncovered demand points summed on a regular grid of
 * `cellSizeM` metres (local projection), cells with residents joined by shared sides into
 * patches, and each patch's outline traced into a polygon with holes. Patches are ranked by
 * population. A grid (rather than the input units) keeps the result independent of how the
 * population came (cells, buildings or points) and gives clean, comparable shapes.
 * `uncovered[i] = 1` marks demand point i as not covered.
 */
export function serviceGaps(coords: Float64Array, weight: Float64Array, uncovered: Uint8Array, cellSizeM: number): ServiceGaps {
  const n = weight.length;
  const { kx, ky } = localProjection(meanLatitude(coords));
  let minC = Infinity, minR = Infinity, maxC = -Infinity, maxR = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!uncovered[i] || !(weight[i] > 0)) continue;
    const c = Math.floor((coords[2 * i] * kx) / cellSizeM), r = Math.floor((coords[2 * i + 1] * ky) / cellSizeM);
    minC = Math.min(minC, c); maxC = Math.max(maxC, c); minR = Math.min(minR, r); maxR = Math.max(maxR, r);
  }
  if (minC === Infinity) {
    return { gaps: [], grid: { cellSizeM, kx, ky, col0: 0, row0: 0, cols: 0, rows: 0, label: new Int32Array(0) } };
  }
  const col0 = minC - 1, row0 = minR - 1;
  const cols = maxC - minC + 3, rows = maxR - minR + 3;
  const pop = new Float64Array(cols * rows);
  const count = new Uint32Array(cols * rows);
  for (let i = 0; i < n; i++) {
    if (!uncovered[i] || !(weight[i] > 0)) continue;
    const c = Math.floor((coords[2 * i] * kx) / cellSizeM) - col0, r = Math.floor((coords[2 * i + 1] * ky) / cellSizeM) - row0;
    pop[r * cols + c] += weight[i];
    count[r * cols + c]++;
  }

  // Label 4-connected patches by flood fill.
  const comp = new Int32Array(cols * rows).fill(-1);
  const patches: { cells: number[]; population: number; demandCount: number }[] = [];
  for (let start = 0; start < cols * rows; start++) {
    if (!count[start] || comp[start] >= 0) continue;
    const id = patches.length;
    const cells = [start];
    comp[start] = id;
    let population = 0, demandCount = 0;
    for (let k = 0; k < cells.length; k++) {
      const cell = cells[k];
      population += pop[cell];
      demandCount += count[cell];
      const c = cell % cols, r = (cell - c) / cols;
      for (const nb of [c > 0 ? cell - 1 : -1, c < cols - 1 ? cell + 1 : -1, r > 0 ? cell - cols : -1, r < rows - 1 ? cell + cols : -1]) {
        if (nb >= 0 && count[nb] && comp[nb] < 0) {
          comp[nb] = id;
          cells.push(nb);
        }
      }
    }
    patches.push({ cells, population, demandCount });
  }
  const order = patches.map((_, k) => k).sort((a, b) => patches[b].population - patches[a].population || a - b);
  const label = new Int32Array(cols * rows).fill(-1);
  const gaps: GapPolygon[] = order.map((k, rankIndex) => {
    const p = patches[k];
    for (const cell of p.cells) label[cell] = rankIndex;
    const rings = traceRings(p.cells, comp, k, cols).map((ring) => {
      const out = new Float64Array(ring.length);
      for (let q = 0; q < ring.length; q += 2) {
        out[q] = ((ring[q] + col0) * cellSizeM) / kx;
        out[q + 1] = ((ring[q + 1] + row0) * cellSizeM) / ky;
      }
      return out;
    });
    return { rank: rankIndex + 1, rings, population: p.population, demandCount: p.demandCount, cellCount: p.cells.length, areaM2: p.cells.length * cellSizeM * cellSizeM };
  });
  return { gaps, grid: { cellSizeM, kx, ky, col0, row0, cols, rows, label } };
}

/**
 * Outline of one patch as closed rings of grid-corner coordinates (col, row interleaved).
 * Every cell side facing a cell outside the patch becomes a directed edge with the patch on its
 * left; following edges, and turning left first where two leave the same corner (two cells
 * touching only at a corner), gives counter-clockwise outer rings and clockwise holes that never
 * cross themselves. Corners where the direction does not change are dropped.
 */
function traceRings(cells: number[], comp: Int32Array, id: number, cols: number): number[][] {
  const inside = (c: number, r: number) => c >= 0 && r >= 0 && c < cols && comp[r * cols + c] === id;
  // Directed edges keyed by start corner; direction 0 = +x, 1 = +y, 2 = −x, 3 = −y.
  const out = new Map<string, number[]>();
  const add = (x: number, y: number, dir: number) => {
    const key = `${x},${y}`;
    const list = out.get(key);
    if (list) list.push(dir);
    else out.set(key, [dir]);
  };
  for (const cell of cells) {
    const c = cell % cols, r = (cell - c) / cols;
    if (!inside(c, r - 1)) add(c, r, 0);
    if (!inside(c + 1, r)) add(c + 1, r, 1);
    if (!inside(c, r + 1)) add(c + 1, r + 1, 2);
    if (!inside(c - 1, r)) add(c, r + 1, 3);
  }
  const DX = [1, 0, -1, 0], DY = [0, 1, 0, -1];
  const rings: number[][] = [];
  for (const [key, dirs] of out) {
    const [sx, sy] = key.split(',').map(Number);
    while (dirs.length) {
      const firstDir = dirs.pop()!;
      let x = sx, y = sy, dir = firstDir, prevDir = -1;
      const ring: number[] = [];
      for (;;) {
        if (dir !== prevDir) ring.push(x, y);
        prevDir = dir;
        x += DX[dir];
        y += DY[dir];
        const atStart = x === sx && y === sy;
        const list = out.get(`${x},${y}`) ?? [];
        // Prefer a left turn, then straight on, then right: keeps to the cell just walked past.
        let next = -1;
        for (const want of [(dir + 1) % 4, dir, (dir + 3) % 4]) {
          if ((atStart && want === firstDir) || list.includes(want)) {
            next = want;
            break;
          }
        }
        if (next < 0 || (atStart && next === firstDir)) break;
        list.splice(list.indexOf(next), 1);
        dir = next;
      }
      for (const simple of splitAtRepeatedCorners(ring)) rings.push(simple);
    }
  }
  // Shell first (the one counter-clockwise ring of a 4-connected patch), then holes.
  return rings.sort((a, b) => ringArea(b) - ringArea(a));
}

/**
 * A traced ring can pass twice through a corner where two cells of the patch touch diagonally
 * around an enclosed empty area. OGC simple features want simple rings, so split it there: the
 * loop that closes first is cut out as a ring of its own (a clockwise hole when it encloses
 * empty cells). Input is open (no closing point); outputs are closed.
 */
function splitAtRepeatedCorners(ring: number[]): number[][] {
  const out: number[][] = [];
  const stack: number[] = [];
  const seen = new Map<string, number>();
  for (let k = 0; k < ring.length; k += 2) {
    const key = `${ring[k]},${ring[k + 1]}`;
    const at = seen.get(key);
    if (at !== undefined) {
      const loop = stack.splice(at);
      for (let q = 0; q < loop.length; q += 2) seen.delete(`${loop[q]},${loop[q + 1]}`);
      out.push(closeSimple(loop));
    }
    seen.set(key, stack.length);
    stack.push(ring[k], ring[k + 1]);
  }
  out.push(closeSimple(stack));
  return out.filter((r) => r.length >= 10);
}

/** Drops corners where the ring runs straight on (a cut can leave one), then closes the ring. */
function closeSimple(pts: number[]): number[] {
  const m = pts.length / 2;
  const kept: number[] = [];
  for (let k = 0; k < m; k++) {
    const p = (k + m - 1) % m, n = (k + 1) % m;
    const straight = (pts[2 * p] === pts[2 * k] && pts[2 * k] === pts[2 * n]) || (pts[2 * p + 1] === pts[2 * k + 1] && pts[2 * k + 1] === pts[2 * n + 1]);
    if (!straight) kept.push(pts[2 * k], pts[2 * k + 1]);
  }
  if (kept.length) kept.push(kept[0], kept[1]);
  return kept;
}

/** Signed area (shoelace) of a closed ring in grid units: > 0 counter-clockwise. */
function ringArea(r: number[]): number {
  let a = 0;
  for (let k = 0; k + 3 < r.length; k += 2) a += r[k] * r[k + 3] - r[k + 2] * r[k + 1];
  return a / 2;
}
