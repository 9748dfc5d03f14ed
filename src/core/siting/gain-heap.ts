/**
 * Max-heap of sites keyed by a gain (persons, or persons·m for p-median), ties to the lower site
 * index, in typed arrays. It is the priority queue of lazy greedy (CELF): keys are upper bounds
 * on the current marginal gain, refreshed only for the site on top.
 */
export class GainHeap {
  readonly keys: Float64Array;
  readonly sites: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(1, capacity));
    this.sites = new Int32Array(Math.max(1, capacity));
  }

  private above(ka: number, sa: number, kb: number, sb: number): boolean {
    return ka > kb || (ka === kb && sa < sb);
  }

  push(site: number, key: number): void {
    const { keys, sites } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(key, site, keys[parent], sites[parent])) break;
      keys[i] = keys[parent];
      sites[i] = sites[parent];
      i = parent;
    }
    keys[i] = key;
    sites[i] = site;
  }

  topSite(): number {
    return this.sites[0];
  }

  topKey(): number {
    return this.keys[0];
  }

  /** Removes the top entry and returns its site. */
  pop(): number {
    const top = this.sites[0];
    this.size--;
    if (this.size > 0) this.siftDown(this.sites[this.size], this.keys[this.size]);
    return top;
  }

  /** Gives the top entry a new (not larger) key. */
  replaceTopKey(key: number): void {
    this.siftDown(this.sites[0], key);
  }

  private siftDown(site: number, key: number): void {
    const { keys, sites, size } = this;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && this.above(keys[c + 1], sites[c + 1], keys[c], sites[c])) c++;
      if (!this.above(keys[c], sites[c], key, site)) break;
      keys[i] = keys[c];
      sites[i] = sites[c];
      i = c;
    }
    keys[i] = key;
    sites[i] = site;
  }
}
