import type { SitingProblem } from '../src/core/siting/siting-problem.ts';

/** Refuses an LSCP benchmark whose target no site set can reach (it would time nothing useful). */
export function lscpProblemCheck(p: SitingProblem): void {
  const m = p.matrix;
  let reachable = 0, total = 0;
  for (let i = 0; i < m.demandCount; i++) {
    total += p.weight[i];
    for (let q = m.byDemandStart[i]; q < m.byDemandStart[i + 1]; q++) {
      if (m.byDemandCost[q] <= p.radiusM) {
        reachable += p.weight[i];
        break;
      }
    }
  }
  if (reachable < p.targetCoverage * total) throw new Error(`LSCP target ${p.targetCoverage} unreachable: only ${(reachable / total).toFixed(3)} of the weight is within reach of any site`);
}
