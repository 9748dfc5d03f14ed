import type { SitingProblem } from './siting-problem.ts';

/**
 * Coverage of an open set for the uncapacitated coverage models (MCLP, LSCP), kept up to date as
 * sites open and close so that greedy and swap steps cost only the pairs they touch.
 *
 * Per demand point: how many open sites cover it (cost ≤ radiusM) and the XOR of their indices,
 * which is the covering site itself whenever the count is 1 (who would lose it if closed).
 * Per site: `gain` = persons it would newly cover, maintained when a point's count moves between
 * 0 and 1 (the only moves that change anyone's gain). Zero-weight demand is left out entirely.
 */
export class CoverageState {
  /** Per site: its covered positive-weight demand is demand[siteStart[j] .. siteStart[j+1]). */
  readonly siteStart: Uint32Array;
  readonly siteDemand: Uint32Array;
  /** Per demand: sites covering it are matrix.byDemandSite[byDemandStart[i] .. coverEnd[i]) (a cost-sorted prefix). */
  readonly coverEnd: Uint32Array;
  readonly count: Int32Array;
  readonly owner: Int32Array;
  /** Per site: persons it would newly cover (open sites: 0); running sums, see refreshGains. */
  readonly gain: Float64Array;
  /** Persons covered by the open sites. */
  covered = 0;
  /** Persons no site at all (fixed or free) covers. */
  readonly unreachableWeight: number;
  /** Positive-weight demand points no site covers. */
  readonly unreachableCount: number;
  private readonly weight: Float64Array;
  private readonly byDemandStart: Uint32Array;
  private readonly byDemandSite: Uint32Array;

  constructor(problem: SitingProblem) {
    const { matrix, weight, radiusM } = problem;
    const n = matrix.demandCount, m = matrix.siteCount;
    const { byDemandStart, byDemandSite, byDemandCost } = matrix;
    this.weight = weight;
    this.byDemandStart = byDemandStart;
    this.byDemandSite = byDemandSite;
    this.coverEnd = new Uint32Array(n);
    const siteStart = new Uint32Array(m + 1);
    let unreachableWeight = 0, unreachableCount = 0;
    for (let i = 0; i < n; i++) {
      let q = byDemandStart[i];
      const end = byDemandStart[i + 1];
      while (q < end && byDemandCost[q] <= radiusM) q++;
      this.coverEnd[i] = q;
      if (!(weight[i] > 0)) continue;
      if (q === byDemandStart[i]) {
        unreachableWeight += weight[i];
        unreachableCount++;
      }
      for (let k = byDemandStart[i]; k < q; k++) siteStart[byDemandSite[k] + 1]++;
    }
    for (let j = 0; j < m; j++) siteStart[j + 1] += siteStart[j];
    const fill = siteStart.slice(0, m);
    const siteDemand = new Uint32Array(siteStart[m]);
    const gain = new Float64Array(m);
    for (let i = 0; i < n; i++) {
      const w = weight[i];
      if (!(w > 0)) continue;
      for (let k = byDemandStart[i]; k < this.coverEnd[i]; k++) {
        const j = byDemandSite[k];
        siteDemand[fill[j]++] = i;
        gain[j] += w;
      }
    }
    this.siteStart = siteStart;
    this.siteDemand = siteDemand;
    this.gain = gain;
    this.count = new Int32Array(n);
    this.owner = new Int32Array(n);
    this.unreachableWeight = unreachableWeight;
    this.unreachableCount = unreachableCount;
  }

  /** Opens site j (must be closed). */
  open(j: number): void {
    const { siteStart, siteDemand, count, owner, weight, gain, coverEnd, byDemandStart, byDemandSite } = this;
    for (let k = siteStart[j], end = siteStart[j + 1]; k < end; k++) {
      const i = siteDemand[k];
      owner[i] ^= j;
      if (count[i]++ !== 0) continue;
      const w = weight[i];
      this.covered += w;
      for (let q = byDemandStart[i]; q < coverEnd[i]; q++) gain[byDemandSite[q]] -= w;
    }
  }

  /** Closes site j (must be open). */
  close(j: number): void {
    const { siteStart, siteDemand, count, owner, weight, gain, coverEnd, byDemandStart, byDemandSite } = this;
    for (let k = siteStart[j], end = siteStart[j + 1]; k < end; k++) {
      const i = siteDemand[k];
      owner[i] ^= j;
      if (--count[i] !== 0) continue;
      const w = weight[i];
      this.covered -= w;
      for (let q = byDemandStart[i]; q < coverEnd[i]; q++) gain[byDemandSite[q]] += w;
    }
  }

  /** Persons only open site j covers: lost if it closed. */
  uniqueLoss(j: number): number {
    const { siteStart, siteDemand, count, weight } = this;
    let loss = 0;
    for (let k = siteStart[j], end = siteStart[j + 1]; k < end; k++) {
      const i = siteDemand[k];
      if (count[i] === 1) loss += weight[i];
    }
    return loss;
  }

  /** Persons closed site j would newly cover, summed afresh (no running-sum rounding). */
  newlyCovered(j: number): number {
    const { siteStart, siteDemand, count, weight } = this;
    let g = 0;
    for (let k = siteStart[j], end = siteStart[j + 1]; k < end; k++) {
      const i = siteDemand[k];
      if (count[i] === 0) g += weight[i];
    }
    return g;
  }

  /** Recomputes covered and every gain from the counts, dropping the rounding of the running sums. */
  refreshGains(): void {
    const { siteStart, siteDemand, count, weight, gain } = this;
    let covered = 0;
    for (let i = 0; i < count.length; i++) if (count[i] > 0) covered += weight[i];
    this.covered = covered;
    for (let j = 0; j < gain.length; j++) {
      let g = 0;
      for (let k = siteStart[j], end = siteStart[j + 1]; k < end; k++) {
        const i = siteDemand[k];
        if (count[i] === 0) g += weight[i];
      }
      gain[j] = g;
    }
  }
}
