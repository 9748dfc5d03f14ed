import gcoord from 'gcoord';

/**
 * The Chinese web-map offsets, lon/lat degrees in (lon, lat) order. The only file that uses
 * gcoord (MIT, no dependencies, maintained): it implements the published GCJ-02 formula (Krasovsky
 * ellipsoid a = 6 378 245 m, the leaked "eviltransform" polynomial) and Baidu's BD-09 rotation.
 *
 * The forward directions (WGS84 → GCJ-02 → BD-09 → BD09MC) are gcoord's. The inverses are solved
 * here by iteration on gcoord's forward functions (see invert), because gcoord's own GCJ02→WGS84
 * loop has no iteration cap and never ends for points just inside its China box (e.g. lon
 * 72.0045°: the next guess leaves the box, where the forward map is the identity, and it
 * oscillates), and its BD-09 inverses are approximations. Capped at 30 steps with a 1e-10°
 * (0.01 mm) tolerance: the result re-projects onto the input within 1 mm.
 * Outside gcoord's China box (lon 72.004–137.8347, lat 0.8293–55.8271) GCJ-02 equals WGS84.
 */
const { WGS84, GCJ02, BD09, BD09MC } = gcoord;

export function wgs84ToGcj02(lon: number, lat: number): [number, number] {
  return gcoord.transform([lon, lat], WGS84, GCJ02) as [number, number];
}

export function gcj02ToBd09(lon: number, lat: number): [number, number] {
  return gcoord.transform([lon, lat], GCJ02, BD09) as [number, number];
}

/** Baidu's Mercator metres (BD09MC) from BD-09 lon/lat. */
export function bd09ToBd09mc(lon: number, lat: number): [number, number] {
  return gcoord.transform([lon, lat], BD09, BD09MC) as [number, number];
}

export function gcj02ToWgs84(lon: number, lat: number): [number, number] {
  return invert(wgs84ToGcj02, (x, y) => [x, y], lon, lat, 1e-10);
}

export function bd09ToGcj02(lon: number, lat: number): [number, number] {
  // gcoord's (Baidu's) closed-form inverse is approximate, off by up to ~0.1 m.
  return invert(gcj02ToBd09, (x, y) => gcoord.transform([x, y], BD09, GCJ02) as [number, number], lon, lat, 1e-10);
}

/** BD-09 lon/lat from Baidu's Mercator metres (gcoord's table inverse is off by up to ~0.3 m). */
export function bd09mcToBd09(x: number, y: number): [number, number] {
  return invert(bd09ToBd09mc, (u, v) => gcoord.transform([u, v], BD09MC, BD09) as [number, number], x, y, 1e-6);
}

/**
 * Solves forward(p) = t, starting from approx(t) and correcting with the approximate inverse:
 * p ← p + approx(t) − approx(forward(p)). Converges in a few steps because approx ≈ forward⁻¹;
 * stops when forward(p) is within `tol` of t (in forward's output units) or after 30 steps.
 */
function invert(forward: PointFn, approx: PointFn, tx: number, ty: number, tol: number): [number, number] {
  const [ax, ay] = approx(tx, ty);
  let [x, y] = [ax, ay];
  for (let i = 0; i < 30; i++) {
    const [fx, fy] = forward(x, y);
    if (Math.abs(fx - tx) < tol && Math.abs(fy - ty) < tol) break;
    const [bx, by] = approx(fx, fy);
    x += ax - bx;
    y += ay - by;
  }
  return [x, y];
}

type PointFn = (x: number, y: number) => [number, number];
