import { readWkb, WkbError } from './read-wkb.ts';

/** Envelope bytes by the GeoPackage envelope-contents indicator (flags bits 1–3): none, xy, xyz, xym, xyzm. */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

/**
 * A GeoPackage geometry blob (GeoPackage 1.x §2.1.3 "GeoPackageBinary") to a GeoJSON geometry:
 * "GP", a version byte, a flags byte (bit 0: byte order of the header values, 1 = little-endian;
 * bits 1–3: envelope contents; bit 4: empty geometry; bit 5: ExtendedGeoPackageBinary), the
 * srs_id as int32, the envelope (ignored: recomputed from the coordinates where needed), then
 * standard WKB. Empty geometries are null. Throws WkbError with the byte at fault.
 */
export function readGpkgGeometry(blob: Uint8Array): { geometry: GeoJSON.Geometry | null; srsId: number } {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50)
    throw new WkbError('not a GeoPackage geometry (it does not start with "GP"); the table may hold plain WKB or Spatialite blobs', 0);
  const flags = blob[3];
  if (flags & 0x20) throw new WkbError('an ExtendedGeoPackageBinary geometry (a vendor-specific type); convert it to a standard geometry type first', 3);
  const envelope = (flags >> 1) & 0x07;
  if (envelope >= ENVELOPE_BYTES.length) throw new WkbError(`envelope indicator ${envelope} is invalid (0–4 are defined)`, 3);
  const srsId = new DataView(blob.buffer, blob.byteOffset, blob.byteLength).getInt32(4, (flags & 1) === 1);
  const start = 8 + ENVELOPE_BYTES[envelope];
  if (flags & 0x10) return { geometry: null, srsId };
  if (blob.length <= start) throw new WkbError(`the geometry ends early (${blob.length} bytes, the header alone takes ${start})`, blob.length);
  // WkbError offsets count from the start of the WKB, after the header.
  return { geometry: readWkb(blob.subarray(start)), srsId };
}
