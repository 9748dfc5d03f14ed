import type { PreparedSiting } from './prepare-siting.ts';
import type { SitingProblem } from './siting-problem.ts';

/**
 * Nearest and second-nearest open site per demand point for uncapacitated p-median, kept up to
 * date as sites open and close (the state of Whitaker's fast interchange).
 *
 * Costs are capped at penaltyM: a pair at or above it (or missing) is no better than leaving the
 * point unserved, so only the cost-sorted prefix of each demand's list below penaltyM is "usable",
 * and d1 = d2 = penaltyM when no usable open site exists.
 */
export class PMedianState {
  /** Per demand: cost (m) to the nearest / second-nearest usable open site, penaltyM if none. */
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  /** Per demand: the nearest usable open site, -1 if none. */
  readonly n1: Int32Array;
  /** Per demand: end of its usable prefix in matrix.byDemand* (costs < penaltyM). */
  readonly usableEnd: Uint32Array;
  readonly open: Uint8Array;
  readonly penaltyM: number;
  private readonly problem: SitingProblem;

  constructor(problem: SitingProblem, prepared: PreparedSiting) {
    const { matrix } = problem;
    const n = matrix.demandCount;
    const { byDemandStart, byDemandCost } = matrix;
    this.problem = problem;
    this.penaltyM = prepared.penaltyM;
    this.d1 = new Float64Array(n).fill(this.penaltyM);
    this.d2 = new Float64Array(n).fill(this.penaltyM);
    this.n1 = new Int32Array(n).fill(-1);
    this.usableEnd = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      let q = byDemandStart[i];
      const end = byDemandStart[i + 1];
      while (q < end && byDemandCost[q] < this.penaltyM) q++;
      this.usableEnd[i] = q;
    }
    this.open = new Uint8Array(matrix.siteCount);
  }

  /** Σ weight × min(cost to the nearest open site, penaltyM), persons·m. */
  cost(): number {
    const { weight } = this.problem;
    let sum = 0;
    for (let i = 0; i < weight.length; i++) sum += weight[i] * this.d1[i];
    return sum;
  }

  /** Persons·m saved by opening closed site j now. */
  gainOf(j: number): number {
    const { weight, matrix } = this.problem;
    const { bySiteStart, bySiteDemand, bySiteCost } = matrix;
    const { d1 } = this;
    let g = 0;
    for (let k = bySiteStart[j], end = bySiteStart[j + 1]; k < end; k++) {
      const i = bySiteDemand[k];
      const c = bySiteCost[k];
      if (c < d1[i]) g += weight[i] * (d1[i] - c);
    }
    return g;
  }

  openSite(j: number): void {
    const { bySiteStart, bySiteDemand, bySiteCost } = this.problem.matrix;
    const { d1, d2, n1 } = this;
    this.open[j] = 1;
    for (let k = bySiteStart[j], end = bySiteStart[j + 1]; k < end; k++) {
      const i = bySiteDemand[k];
      const c = bySiteCost[k];
      if (c < d1[i]) {
        d2[i] = d1[i];
        d1[i] = c;
        n1[i] = j;
      } else if (c < d2[i]) d2[i] = c;
    }
  }

  closeSite(j: number): void {
    const { bySiteStart, bySiteDemand, bySiteCost } = this.problem.matrix;
    this.open[j] = 0;
    for (let k = bySiteStart[j], end = bySiteStart[j + 1]; k < end; k++) {
      const i = bySiteDemand[k];
      // Only points that had j as nearest or second nearest change.
      if (this.n1[i] === j || bySiteCost[k] <= this.d2[i]) this.refresh(i);
    }
  }

  /** Recomputes demand i's nearest two open sites by scanning its cost-sorted list. */
  refresh(i: number): void {
    const { byDemandStart, byDemandSite, byDemandCost } = this.problem.matrix;
    const P = this.penaltyM;
    let a = P, b = P, s = -1;
    for (let q = byDemandStart[i], end = this.usableEnd[i]; q < end; q++) {
      if (!this.open[byDemandSite[q]]) continue;
      if (s < 0) {
        a = byDemandCost[q];
        s = byDemandSite[q];
      } else {
        b = byDemandCost[q];
        break;
      }
    }
    this.d1[i] = a;
    this.d2[i] = b;
    this.n1[i] = s;
  }
}
