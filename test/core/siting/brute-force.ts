import { costMatrixFromTriples } from '../../../src/core/siting/cost-matrix.ts';
import type { SitingModel, SitingProblem } from '../../../src/core/siting/siting-problem.ts';
import { seededRandom } from '../../helpers/seeded-random.ts';

/**
 * Small random siting instances and an exhaustive reference solver that shares no code with the
 * solvers under test: it reads the raw (demand, site, cost) triples into a dense table and
 * evaluates every p-subset of free sites directly (capacitated: its own Edmonds–Karp max flow and
 * Bellman–Ford min-cost flow).
 */
export interface Instance {
  n: number;
  m: number;
  /** Dense cost, m: Infinity where no pair was given (or beyond the limit). */
  cost: Float64Array;
  weight: Float64Array;
  fixed: Uint8Array;
  limitM: number;
  demand: number[];
  site: number[];
  pairCost: number[];
}

/**
 * n demand points and m sites on a 2 km square; pairs cost the straight distance × 1.3 (walking
 * detour), rounded to 10 m so that ties happen, kept within `limitM`. A few points sit 5 km away
 * (unreachable), some weigh 0, weights are whole persons 0..20, and `fixedCount` sites exist.
 * Each pair is also given twice, the copy 50 m dearer (the matrix must keep the cheaper one).
 */
export function randomInstance(seed: number, n = 30, m = 11, fixedCount = 2, limitM = 1200): Instance {
  const rand = seededRandom(seed);
  const dx = new Float64Array(n), dy = new Float64Array(n), sx = new Float64Array(m), sy = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const far = rand() < 0.1;
    dx[i] = rand() * 2000 + (far ? 5000 : 0);
    dy[i] = rand() * 2000;
  }
  for (let j = 0; j < m; j++) {
    sx[j] = rand() * 2000;
    sy[j] = rand() * 2000;
  }
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) weight[i] = rand() < 0.15 ? 0 : 1 + Math.floor(rand() * 20);
  const fixed = new Uint8Array(m);
  for (let k = 0; k < fixedCount; k++) fixed[Math.floor(rand() * m)] = 1;
  const cost = new Float64Array(n * m).fill(Infinity);
  const demand: number[] = [], site: number[] = [], pairCost: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const c = Math.round((Math.hypot(dx[i] - sx[j], dy[i] - sy[j]) * 1.3) / 10) * 10;
      if (c > limitM) continue;
      cost[i * m + j] = c;
      demand.push(i, i);
      site.push(j, j);
      pairCost.push(c + 50, c);
    }
  }
  return { n, m, cost, weight, fixed, limitM, demand, site, pairCost };
}

export function problemOf(inst: Instance, model: SitingModel, extra: Partial<SitingProblem> = {}): SitingProblem {
  return {
    model,
    matrix: costMatrixFromTriples(inst.n, inst.m, inst.demand, inst.site, inst.pairCost, inst.limitM),
    weight: inst.weight,
    fixed: inst.fixed,
    radiusM: 600,
    p: 2,
    targetCoverage: 0.8,
    ...extra,
  };
}

/** Every k-subset of `items`, as arrays. */
export function* subsets(items: number[], k: number): Generator<number[]> {
  const pick: number[] = [];
  function* rec(from: number): Generator<number[]> {
    if (pick.length === k) {
      yield pick.slice();
      return;
    }
    for (let t = from; t <= items.length - (k - pick.length); t++) {
      pick.push(items[t]);
      yield* rec(t + 1);
      pick.pop();
    }
  }
  yield* rec(0);
}

export function freeSites(inst: Instance): number[] {
  const out: number[] = [];
  for (let j = 0; j < inst.m; j++) if (!inst.fixed[j]) out.push(j);
  return out;
}

function openWith(inst: Instance, chosen: number[]): Uint8Array {
  const open = Uint8Array.from(inst.fixed);
  for (const j of chosen) open[j] = 1;
  return open;
}

/** Persons with an open site within r (uncapacitated coverage). */
export function coveredWeight(inst: Instance, open: Uint8Array, r: number): number {
  let sum = 0;
  for (let i = 0; i < inst.n; i++) {
    for (let j = 0; j < inst.m; j++) {
      if (open[j] && inst.cost[i * inst.m + j] <= r) {
        sum += inst.weight[i];
        break;
      }
    }
  }
  return sum;
}

/** Σ w × min(penalty, nearest open cost). */
export function medianCost(inst: Instance, open: Uint8Array, penalty: number): number {
  let sum = 0;
  for (let i = 0; i < inst.n; i++) {
    let best = penalty;
    for (let j = 0; j < inst.m; j++) if (open[j]) best = Math.min(best, inst.cost[i * inst.m + j]);
    sum += inst.weight[i] * best;
  }
  return sum;
}

/** Max persons served within r with each open site serving ≤ cap: Edmonds–Karp on a dense graph. */
export function servedWeight(inst: Instance, open: Uint8Array, r: number, cap: number): number {
  const { n, m } = inst;
  const N = n + m + 2, s = n + m, t = n + m + 1;
  const res = new Float64Array(N * N);
  for (let i = 0; i < n; i++) {
    res[s * N + i] = inst.weight[i];
    for (let j = 0; j < m; j++) if (open[j] && inst.cost[i * m + j] <= r) res[i * N + n + j] = Infinity;
  }
  for (let j = 0; j < m; j++) if (open[j]) res[(n + j) * N + t] = cap;
  let total = 0;
  for (;;) {
    const prev = new Int32Array(N).fill(-1);
    prev[s] = s;
    const queue = [s];
    while (queue.length && prev[t] < 0) {
      const u = queue.shift()!;
      for (let v = 0; v < N; v++) if (prev[v] < 0 && res[u * N + v] > 1e-12) { prev[v] = u; queue.push(v); }
    }
    if (prev[t] < 0) return total;
    let delta = Infinity;
    for (let v = t; v !== s; v = prev[v]) delta = Math.min(delta, res[prev[v] * N + v]);
    for (let v = t; v !== s; v = prev[v]) {
      res[prev[v] * N + v] -= delta;
      res[v * N + prev[v]] += delta;
    }
    total += delta;
  }
}

/** Least Σ w·cost with unserved persons at `penalty` and each open site serving ≤ cap: Bellman–Ford successive shortest paths. */
export function capacitatedMedianCost(inst: Instance, open: Uint8Array, penalty: number, cap: number): number {
  const { n, m } = inst;
  const N = n + m + 3, s = n + m, t = n + m + 1, u = n + m + 2;
  const res = new Float64Array(N * N), cost = new Float64Array(N * N);
  const arc = (a: number, b: number, capacity: number, c: number) => {
    res[a * N + b] = capacity;
    cost[a * N + b] = c;
    cost[b * N + a] = -c;
  };
  for (let i = 0; i < n; i++) {
    arc(s, i, inst.weight[i], 0);
    arc(i, u, Infinity, penalty);
    for (let j = 0; j < m; j++) if (open[j] && inst.cost[i * m + j] < penalty) arc(i, n + j, Infinity, inst.cost[i * m + j]);
  }
  for (let j = 0; j < m; j++) if (open[j]) arc(n + j, t, cap, 0);
  arc(u, t, Infinity, 0);
  let total = 0;
  for (;;) {
    const dist = new Float64Array(N).fill(Infinity), prev = new Int32Array(N).fill(-1);
    dist[s] = 0;
    for (let round = 0; round < N; round++) {
      let changed = false;
      for (let a = 0; a < N; a++) {
        if (dist[a] === Infinity) continue;
        for (let b = 0; b < N; b++) {
          if (res[a * N + b] > 1e-12 && dist[a] + cost[a * N + b] < dist[b] - 1e-9) {
            dist[b] = dist[a] + cost[a * N + b];
            prev[b] = a;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (dist[t] === Infinity) return total;
    let delta = Infinity;
    for (let v = t; v !== s; v = prev[v]) delta = Math.min(delta, res[prev[v] * N + v]);
    for (let v = t; v !== s; v = prev[v]) {
      res[prev[v] * N + v] -= delta;
      res[v * N + prev[v]] += delta;
    }
    total += delta * dist[t];
  }
}

/** The best value over every p-subset of free sites (max for MCLP, min for p-median). */
export function bestOverSubsets(inst: Instance, p: number, value: (open: Uint8Array) => number, maximise: boolean): number {
  let best = maximise ? -Infinity : Infinity;
  for (const chosen of subsets(freeSites(inst), p)) {
    const v = value(openWith(inst, chosen));
    best = maximise ? Math.max(best, v) : Math.min(best, v);
  }
  return best;
}

/** LSCP: the fewest free sites whose coverage reaches target·W (tolerance as documented), or Infinity. */
export function fewestSitesReaching(inst: Instance, target: number, value: (open: Uint8Array) => number): number {
  const W = inst.weight.reduce((a, b) => a + b, 0);
  const need = target * W - 1e-9 * Math.max(W, 1);
  const free = freeSites(inst);
  for (let k = 0; k <= free.length; k++) {
    for (const chosen of subsets(free, k)) if (value(openWith(inst, chosen)) >= need) return k;
  }
  return Infinity;
}

/** A tiny problem from explicit pairs [demand, site, cost] (matrix limit 1000 m, radius 500 m, p = 1, target 100 %). */
export function tiny(model: SitingProblem['model'], n: number, m: number, pairs: number[][], weight: number[], extra: Partial<SitingProblem> = {}): SitingProblem {
  return {
    model,
    matrix: costMatrixFromTriples(n, m, pairs.map((t) => t[0]), pairs.map((t) => t[1]), pairs.map((t) => t[2]), 1000),
    weight: Float64Array.from(weight),
    fixed: new Uint8Array(m),
    radiusM: 500,
    p: 1,
    targetCoverage: 1,
    ...extra,
  };
}
