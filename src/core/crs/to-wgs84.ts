import proj4, { type Converter } from 'proj4';
import type { Crs } from './crs.ts';
import { bd09mcToBd09, bd09ToBd09mc, bd09ToGcj02, gcj02ToBd09, gcj02ToWgs84, wgs84ToGcj02 } from './gcj02-bd09.ts';

type PointFn = (x: number, y: number) => [number, number];

const WGS84_PROJ = '+proj=longlat +datum=WGS84 +no_defs';
const converters = new Map<string, Converter>();

/** A cached proj4 converter from `def` (proj string or WKT) to WGS84 lon/lat. */
function converter(def: string): Converter {
  let c = converters.get(def);
  if (!c) {
    c = proj4(def, WGS84_PROJ);
    converters.set(def, c);
  }
  return c;
}

function toWgs84Point(crs: Crs): PointFn | null {
  switch (crs.kind) {
    case 'wgs84':
      return null;
    case 'gcj02':
      return gcj02ToWgs84;
    case 'bd09':
      return (x, y) => gcj02ToWgs84(...bd09ToGcj02(x, y));
    case 'bd09mc':
      return (x, y) => gcj02ToWgs84(...bd09ToGcj02(...bd09mcToBd09(x, y)));
    case 'proj': {
      const c = converter(crs.proj);
      return (x, y) => c.forward([x, y]) as [number, number];
    }
  }
}

function fromWgs84Point(crs: Crs): PointFn | null {
  switch (crs.kind) {
    case 'wgs84':
      return null;
    case 'gcj02':
      return wgs84ToGcj02;
    case 'bd09':
      return (x, y) => gcj02ToBd09(...wgs84ToGcj02(x, y));
    case 'bd09mc':
      return (x, y) => bd09ToBd09mc(...gcj02ToBd09(...wgs84ToGcj02(x, y)));
    case 'proj': {
      const c = converter(crs.proj);
      return (x, y) => c.inverse([x, y]) as [number, number];
    }
  }
}

function mapPairs(coords: Float64Array, fn: PointFn | null): Float64Array {
  const out = Float64Array.from(coords);
  if (!fn) return out;
  for (let i = 0; i + 1 < out.length; i += 2) {
    const x = out[i];
    const y = out[i + 1];
    // Empty cells stay NaN so the readers can report the row; proj4 would turn them into zeros.
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const [lon, lat] = fn(x, y);
    out[i] = lon;
    out[i + 1] = lat;
  }
  return out;
}

/**
 * Interleaved (x, y) in `crs` (easting/northing metres, or lon/lat degrees) to interleaved WGS84
 * (lon, lat) degrees, as a new array; non-finite pairs are copied unchanged.
 */
export function toWgs84(coords: Float64Array, crs: Crs): Float64Array {
  return mapPairs(coords, toWgs84Point(crs));
}

/** The inverse of toWgs84: WGS84 (lon, lat) to (x, y) in `crs` (for previews and tests). */
export function fromWgs84(coords: Float64Array, crs: Crs): Float64Array {
  return mapPairs(coords, fromWgs84Point(crs));
}
