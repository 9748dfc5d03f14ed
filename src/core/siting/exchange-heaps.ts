/**
 * For the capacitated assignment: per ordered pair of open sites (a, b), the ways to move flow
 * from a to b — a demand point sending persons to a that could go to b instead, at a change of
 * cost[b] − cost[a] metres per person — kept as lazy min-heaps on that change. A per-site heap
 * with target -1 holds the ways to leave a unserved instead (penalty − cost[a]). An entry stays
 * until it reaches the top and its pair (demand → a) carries no flow any more; callers re-push a
 * pair whenever its flow rises from zero, so a valid entry is never missing.
 *
 * Entries live in growable typed arrays; heaps are plain arrays of entry ids, reused across
 * solves (reset empties them without dropping the pair index).
 */
export class ExchangeHeaps {
  /** Per entry: change in cost, m per person. */
  key = new Float64Array(1024);
  /** Per entry: the pair (position in matrix.byDemand*) that gives up flow. */
  from = new Int32Array(1024);
  /** Per entry: the pair that takes it, or -1 (left unserved). */
  to = new Int32Array(1024);
  count = 0;
  readonly heaps: number[][] = [];
  /** Per heap: the site b flow moves to, or -1 for unserved. */
  readonly target: number[] = [];
  /** Per site a: ids of the heaps moving flow away from a. */
  readonly bySite: number[][];
  private readonly index = new Map<number, number>();
  private readonly siteCount: number;

  constructor(siteCount: number) {
    this.siteCount = siteCount;
    this.bySite = Array.from({ length: siteCount }, () => []);
  }

  reset(): void {
    for (const h of this.heaps) h.length = 0;
    this.count = 0;
  }

  /** The heap of moves from site a to site b (b = -1: to unserved), created on first use. */
  heapFor(a: number, b: number): number {
    const k = a * (this.siteCount + 1) + (b + 1);
    let h = this.index.get(k);
    if (h === undefined) {
      h = this.heaps.length;
      this.heaps.push([]);
      this.target.push(b);
      this.bySite[a].push(h);
      this.index.set(k, h);
    }
    return h;
  }

  push(h: number, key: number, from: number, to: number): void {
    if (this.count === this.key.length) this.grow();
    const e = this.count++;
    this.key[e] = key;
    this.from[e] = from;
    this.to[e] = to;
    const heap = this.heaps[h];
    const keys = this.key;
    let i = heap.length;
    heap.push(e);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[heap[parent]] <= key) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = e;
  }

  /** The cheapest still-valid entry of heap h (flow[from] > tiny), or -1; drops stale ones on the way. */
  top(h: number, flow: Float64Array, tiny: number): number {
    const heap = this.heaps[h];
    while (heap.length > 0) {
      const e = heap[0];
      if (flow[this.from[e]] > tiny) return e;
      this.popTop(heap);
    }
    return -1;
  }

  private popTop(heap: number[]): void {
    const last = heap.pop()!;
    const n = heap.length;
    if (n === 0) return;
    const keys = this.key;
    const key = keys[last];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && keys[heap[c + 1]] < keys[heap[c]]) c++;
      if (keys[heap[c]] >= key) break;
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = last;
  }

  private grow(): void {
    const size = this.key.length * 2;
    const key = new Float64Array(size), from = new Int32Array(size), to = new Int32Array(size);
    key.set(this.key);
    from.set(this.from);
    to.set(this.to);
    this.key = key;
    this.from = from;
    this.to = to;
  }
}
