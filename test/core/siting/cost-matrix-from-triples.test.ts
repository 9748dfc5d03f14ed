import { describe, expect, it } from 'vitest';
import { costMatrixFromTriples, type CostMatrix } from '../../../src/core/siting/cost-matrix.ts';
import { seededRandom } from '../../helpers/seeded-random.ts';

/** Every stored pair as "demand,site" → cost, read through the by-demand lists. */
function byDemandPairs(mx: CostMatrix): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < mx.demandCount; i++) {
    for (let q = mx.byDemandStart[i]; q < mx.byDemandStart[i + 1]; q++) out.set(`${i},${mx.byDemandSite[q]}`, mx.byDemandCost[q]);
  }
  return out;
}

/** The same, read through the by-site lists. */
function bySitePairs(mx: CostMatrix): Map<string, number> {
  const out = new Map<string, number>();
  for (let j = 0; j < mx.siteCount; j++) {
    for (let k = mx.bySiteStart[j]; k < mx.bySiteStart[j + 1]; k++) out.set(`${mx.bySiteDemand[k]},${j}`, mx.bySiteCost[k]);
  }
  return out;
}

describe('costMatrixFromTriples', () => {
  it('holds the same pairs and costs in both orientations, by-demand sorted by cost then site, by-site by demand', () => {
    const rand = seededRandom(5);
    const D: number[] = [], S: number[] = [], C: number[] = [];
    for (let k = 0; k < 400; k++) {
      D.push(Math.floor(rand() * 40));
      S.push(Math.floor(rand() * 15));
      C.push(Math.round(rand() * 20) * 50); // coarse costs: plenty of ties
    }
    const mx = costMatrixFromTriples(40, 15, D, S, C);
    expect(bySitePairs(mx)).toEqual(byDemandPairs(mx));
    for (let i = 0; i < 40; i++) {
      for (let q = mx.byDemandStart[i] + 1; q < mx.byDemandStart[i + 1]; q++) {
        const before = mx.byDemandCost[q - 1], now = mx.byDemandCost[q];
        expect(before < now || (before === now && mx.byDemandSite[q - 1] < mx.byDemandSite[q])).toBe(true);
      }
    }
    for (let j = 0; j < 15; j++) {
      for (let k = mx.bySiteStart[j] + 1; k < mx.bySiteStart[j + 1]; k++) expect(mx.bySiteDemand[k - 1]).toBeLessThan(mx.bySiteDemand[k]);
    }
  });

  it('keeps the smallest cost of a repeated pair', () => {
    const mx = costMatrixFromTriples(2, 2, [0, 0, 0, 1], [1, 1, 1, 0], [300, 120, 200, 50]);
    expect(byDemandPairs(mx)).toEqual(new Map([['0,1', 120], ['1,0', 50]]));
    expect(mx.bySiteDemand.length).toBe(2);
  });

  it('drops pairs beyond the limit and non-finite costs, keeping pairs exactly at the limit', () => {
    const mx = costMatrixFromTriples(3, 1, [0, 1, 2], [0, 0, 0], [500, 500.5, Infinity], 500);
    expect(byDemandPairs(mx)).toEqual(new Map([['0,0', 500]]));
    expect(mx.limitM).toBe(500);
  });
});
