/**
 * A sparse demand × site cost matrix in metres, kept both ways round (CSR by site and CSR by
 * demand) so that coverage sets ("which demand does site j reach") and allocation lists ("which
 * sites can serve demand i") are both one slice. Only pairs with cost ≤ `limitM` are stored; any
 * missing pair costs "more than the limit" (the models treat it as not served).
 * Sites are numbered 0..siteCount-1 and include existing facilities (see SitingProblem.fixed).
 */
export interface CostMatrix {
  demandCount: number;
  siteCount: number;
  /** Pairs beyond this cost (m) were dropped. */
  limitM: number;
  /** By site: demands of site j are bySiteDemand[bySiteStart[j] .. bySiteStart[j+1]), ascending by demand index. */
  bySiteStart: Uint32Array;
  bySiteDemand: Uint32Array;
  bySiteCost: Float64Array;
  /** By demand: sites of demand i are byDemandSite[byDemandStart[i] .. byDemandStart[i+1]), ascending by cost (ties by site index). */
  byDemandStart: Uint32Array;
  byDemandSite: Uint32Array;
  byDemandCost: Float64Array;
}

/**
 * Builds the matrix from (demand, site, cost) triples, in any order. Pairs costing more than
 * `limitM` or non-finite are dropped; a repeated pair keeps its smallest cost.
 * Counting sorts by site then by demand keep this O(pairs + sites + demands) apart from sorting
 * each demand's short list by cost, so a few million pairs take well under a second.
 */
export function costMatrixFromTriples(
  demandCount: number,
  siteCount: number,
  demand: ArrayLike<number>,
  site: ArrayLike<number>,
  cost: ArrayLike<number>,
  limitM = Infinity,
): CostMatrix {
  const n = demand.length;
  // 1. Count the kept pairs per demand and per site.
  const demandStartTmp = new Uint32Array(demandCount + 1);
  const siteStartTmp = new Uint32Array(siteCount + 1);
  let kept = 0;
  for (let k = 0; k < n; k++) {
    const c = cost[k];
    if (!(c <= limitM) || !Number.isFinite(c)) continue;
    const i = demand[k], j = site[k];
    if (!(i >= 0 && i < demandCount && j >= 0 && j < siteCount)) throw new RangeError(`cost pair ${k}: demand ${i} or site ${j} out of range`);
    demandStartTmp[i + 1]++;
    siteStartTmp[j + 1]++;
    kept++;
  }
  for (let i = 0; i < demandCount; i++) demandStartTmp[i + 1] += demandStartTmp[i];
  for (let j = 0; j < siteCount; j++) siteStartTmp[j + 1] += siteStartTmp[j];
  // 2. Two stable counting sorts (by demand, then by site) leave pairs ordered by (site, demand),
  //    copied into typed arrays so later passes read memory in order.
  const dSite = new Uint32Array(kept);
  const dDemand = new Uint32Array(kept);
  const dCost = new Float64Array(kept);
  {
    const fill = demandStartTmp.slice(0, demandCount);
    for (let k = 0; k < n; k++) {
      const c = cost[k];
      if (!(c <= limitM) || !Number.isFinite(c)) continue;
      const at = fill[demand[k]]++;
      dSite[at] = site[k];
      dDemand[at] = demand[k];
      dCost[at] = c;
    }
  }
  const sDemand = new Uint32Array(kept);
  const sCost = new Float64Array(kept);
  {
    const fill = siteStartTmp.slice(0, siteCount);
    for (let q = 0; q < kept; q++) {
      const at = fill[dSite[q]]++;
      sDemand[at] = dDemand[q];
      sCost[at] = dCost[q];
    }
  }

  // 3. Deduplicate in place: within a site, equal demands are now adjacent; keep the cheapest.
  const bySiteStart = new Uint32Array(siteCount + 1);
  let m = 0;
  for (let j = 0; j < siteCount; j++) {
    const first = m;
    for (let q = siteStartTmp[j]; q < siteStartTmp[j + 1]; q++) {
      if (m > first && sDemand[m - 1] === sDemand[q]) {
        if (sCost[q] < sCost[m - 1]) sCost[m - 1] = sCost[q];
        continue;
      }
      sDemand[m] = sDemand[q];
      sCost[m++] = sCost[q];
    }
    bySiteStart[j + 1] = m;
  }
  const bySiteDemand = m === kept ? sDemand : sDemand.slice(0, m);
  const bySiteCost = m === kept ? sCost : sCost.slice(0, m);

  // 4. Transpose to by-demand lists (sites ascending), then order each list by cost, ties by site.
  const byDemandStart = new Uint32Array(demandCount + 1);
  for (let q = 0; q < m; q++) byDemandStart[bySiteDemand[q] + 1]++;
  for (let i = 0; i < demandCount; i++) byDemandStart[i + 1] += byDemandStart[i];
  const byDemandSite = new Uint32Array(m);
  const byDemandCost = new Float64Array(m);
  const fill = byDemandStart.slice(0, demandCount);
  for (let j = 0; j < siteCount; j++) {
    for (let q = bySiteStart[j]; q < bySiteStart[j + 1]; q++) {
      const at = fill[bySiteDemand[q]]++;
      byDemandSite[at] = j;
      byDemandCost[at] = bySiteCost[q];
    }
  }
  const scratch = { idx: new Uint32Array(64), site: new Uint32Array(64), cost: new Float64Array(64) };
  for (let i = 0; i < demandCount; i++) sortSliceByCost(byDemandSite, byDemandCost, byDemandStart[i], byDemandStart[i + 1], scratch);
  return { demandCount, siteCount, limitM, bySiteStart, bySiteDemand, bySiteCost, byDemandStart, byDemandSite, byDemandCost };
}

interface SortScratch {
  idx: Uint32Array;
  site: Uint32Array;
  cost: Float64Array;
}

/** Sorts one demand's slice by (cost, site); slices arrive ordered by site. Short slices: insertion sort; long ones: an index sort through reusable scratch. */
function sortSliceByCost(site: Uint32Array, cost: Float64Array, from: number, to: number, scratch: SortScratch): void {
  const len = to - from;
  if (len > 32) {
    if (scratch.idx.length < len) {
      scratch.idx = new Uint32Array(len * 2);
      scratch.site = new Uint32Array(len * 2);
      scratch.cost = new Float64Array(len * 2);
    }
    const idx = scratch.idx.subarray(0, len);
    for (let r = 0; r < len; r++) idx[r] = from + r;
    idx.sort((a, b) => cost[a] - cost[b] || site[a] - site[b]);
    for (let r = 0; r < len; r++) {
      scratch.site[r] = site[idx[r]];
      scratch.cost[r] = cost[idx[r]];
    }
    site.set(scratch.site.subarray(0, len), from);
    cost.set(scratch.cost.subarray(0, len), from);
    return;
  }
  for (let q = from + 1; q < to; q++) {
    const s = site[q], c = cost[q];
    let r = q - 1;
    while (r >= from && (cost[r] > c || (cost[r] === c && site[r] > s))) {
      site[r + 1] = site[r];
      cost[r + 1] = cost[r];
      r--;
    }
    site[r + 1] = s;
    cost[r + 1] = c;
  }
}
