import { bd09ToGcj02, gcj02ToWgs84 } from './gcj02-bd09.ts';

/** Which conversion a point layer's offset suggests; null when none brings it markedly closer. */
export type OffsetSuggestion = 'gcj02' | 'bd09' | null;

export interface OffsetCheck {
  /** Median distance (m) from the points to the nearest street segment, as loaded and after each conversion. */
  medianM: { asLoaded: number; gcj02: number; bd09: number };
  suggestion: OffsetSuggestion;
  /** Points used (a deterministic sample of at most `maxPoints`). */
  /** Share of the points that each conversion brings more than 1 m closer to a street. */
  closerShare: { gcj02: number; bd09: number };
  sampled: number;
}

const R = 6_371_008.8;
const RAD = Math.PI / 180;

/**
 * Is a point layer in GCJ-02 (Amap/高德) or BD-09 (Baidu) coordinates rather than WGS84? The
 * typical offsets are a few hundred metres, so the test is empirical: the median distance from the
 * points to the nearest street segment as loaded, and after converting GCJ-02→WGS84 and
 * BD-09→WGS84. In a dense centre a shifted point is never far from *some* street (on the default
 * Xinjiekou area a ~500 m GCJ-02 shift only moves the median from 17 m to 29 m), so the thresholds
 * are: the conversion cuts the median by more than `minDrop` (default 30 %) and by more than
 * `minDropM` metres (default 8 m), and brings at least `minCloser` (default 60 %) of the points
 * closer — a wrong conversion (a WGS84 layer shifted by 500 m) moves about half the points away.
 * The larger drop wins. Nothing is converted here.
 *
 * `coords` are interleaved lon/lat; `segments` are [lon0, lat0, lon1, lat1] per street segment
 * (WGS84). Distances use a local equirectangular projection (exact enough at these scales) and a
 * grid over the segments, so a few thousand points against 100k segments take milliseconds.
 */
export function detectChineseOffset(coords: ArrayLike<number>, segments: ArrayLike<number>, opts: { maxPoints?: number; minDrop?: number; minDropM?: number; minCloser?: number } = {}): OffsetCheck {
  const maxPoints = opts.maxPoints ?? 2000;
  const minDrop = opts.minDrop ?? 0.3;
  const minDropM = opts.minDropM ?? 8;
  const minCloser = opts.minCloser ?? 0.6;
  const n = Math.floor(coords.length / 2);
  const step = Math.max(1, Math.ceil(n / maxPoints));
  const pts: [number, number][] = [];
  for (let i = 0; i < n; i += step) {
    const lon = coords[2 * i];
    const lat = coords[2 * i + 1];
    if (Number.isFinite(lon) && Number.isFinite(lat)) pts.push([lon, lat]);
  }
  const nearest = nearestSegmentIndex(segments);
  const distances = (p: [number, number][]) => (nearest ? p.map(([x, y]) => nearest(x, y)) : []);
  const median = (d: number[]) => {
    if (!d.length) return NaN;
    const s = [...d].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const d0 = distances(pts);
  const dg = distances(pts.map(([x, y]) => gcj02ToWgs84(x, y)));
  const db = distances(pts.map(([x, y]) => gcj02ToWgs84(...bd09ToGcj02(x, y))));
  const closer = (d: number[]) => (d.length ? d.filter((x, i) => x < d0[i] - 1).length / d.length : 0);
  const asLoaded = median(d0);
  const gcj02 = median(dg);
  const bd09 = median(db);
  const closerShare = { gcj02: closer(dg), bd09: closer(db) };
  const better = (m: number, share: number) => Number.isFinite(m) && asLoaded - m > minDropM && m < asLoaded * (1 - minDrop) && share >= minCloser;
  let suggestion: OffsetSuggestion = null;
  if (better(gcj02, closerShare.gcj02)) suggestion = 'gcj02';
  if (better(bd09, closerShare.bd09) && (!suggestion || bd09 < gcj02)) suggestion = 'bd09';
  return { medianM: { asLoaded, gcj02, bd09 }, closerShare, suggestion, sampled: pts.length };
}

/**
 * A function giving the distance (m) from a lon/lat point to the nearest segment, searching grid
 * cells in growing rings until the ring is farther than the best found (capped at 5 km). Null
 * when there are no segments.
 */
function nearestSegmentIndex(seg: ArrayLike<number>): ((lon: number, lat: number) => number) | null {
  const m = Math.floor(seg.length / 4);
  if (!m) return null;
  let lat0 = 0;
  for (let k = 0; k < m; k++) lat0 += seg[4 * k + 1];
  lat0 /= m;
  const kx = R * RAD * Math.cos(lat0 * RAD);
  const ky = R * RAD;
  const cell = 100;
  const xy = new Float64Array(seg.length);
  for (let i = 0; i < seg.length; i += 2) {
    xy[i] = seg[i] * kx;
    xy[i + 1] = seg[i + 1] * ky;
  }
  const grid = new Map<string, number[]>();
  for (let k = 0; k < m; k++) {
    const [ax, ay, bx, by] = [xy[4 * k], xy[4 * k + 1], xy[4 * k + 2], xy[4 * k + 3]];
    for (let gx = Math.floor(Math.min(ax, bx) / cell); gx <= Math.floor(Math.max(ax, bx) / cell); gx++)
      for (let gy = Math.floor(Math.min(ay, by) / cell); gy <= Math.floor(Math.max(ay, by) / cell); gy++) {
        const key = `${gx},${gy}`;
        const list = grid.get(key);
        if (list) list.push(k);
        else grid.set(key, [k]);
      }
  }
  const distTo = (px: number, py: number, k: number) => {
    const [ax, ay, bx, by] = [xy[4 * k], xy[4 * k + 1], xy[4 * k + 2], xy[4 * k + 3]];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
    return Math.hypot(px - ax - t * dx, py - ay - t * dy);
  };
  const maxRing = Math.ceil(5000 / cell);
  return (lon, lat) => {
    const px = lon * kx;
    const py = lat * ky;
    const cx = Math.floor(px / cell);
    const cy = Math.floor(py / cell);
    let best = Infinity;
    for (let r = 0; r <= maxRing; r++) {
      if (best <= (r - 1) * cell) break;
      for (let gx = cx - r; gx <= cx + r; gx++)
        for (let gy = cy - r; gy <= cy + r; gy++) {
          if (Math.max(Math.abs(gx - cx), Math.abs(gy - cy)) !== r) continue;
          for (const k of grid.get(`${gx},${gy}`) ?? []) best = Math.min(best, distTo(px, py, k));
        }
    }
    return best;
  };
}
