import { unzipSync } from 'fflate';
import { LoadError } from './load-error.ts';

/**
 * Limits for archives from users: a zip bomb (a few KB that inflate to many GB) must fail with a
 * message, not exhaust the tab's memory. 1 GiB of declared uncompressed size in total and 10 000
 * entries are far above any real Shapefile or workbook of a district. fflate inflates each entry
 * into a buffer of its declared size, so an entry that lies about its size cannot grow past it.
 */
export const ZIP_LIMITS = { maxTotalBytes: 1024 ** 3, maxEntries: 10_000 };

export interface ZipEntry {
  name: string;
  /** Declared uncompressed size, bytes. */
  size: number;
}

/** True when the bytes start with a zip local-file or empty-archive signature (PK\x03\x04, PK\x05\x06). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** The archive's entries (from its central directory, nothing inflated), checked against ZIP_LIMITS. */
export function listZip(file: string, bytes: Uint8Array, limits = ZIP_LIMITS): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        entries.push({ name: f.name, size: f.originalSize });
        if (entries.length > limits.maxEntries) throw new LoadError(file, { en: `the zip has more than ${limits.maxEntries} entries; this is not a Shapefile or workbook archive`, zh: `zip 中的文件超过 ${limits.maxEntries} 个：这不是 Shapefile 或工作簿压缩包，请检查选择的文件` });
        if (total > limits.maxTotalBytes)
          throw new LoadError(file, {
            en: `the zip would unpack to more than ${Math.round(limits.maxTotalBytes / 1024 ** 2)} MB; split the data or unzip it and load the parts`,
            zh: `zip 解压后会超过 ${Math.round(limits.maxTotalBytes / 1024 ** 2)} MB：请拆分数据，或解压后分别加载`,
          });
        return false;
      },
    });
  } catch (e) {
    if (e instanceof LoadError) throw e;
    throw new LoadError(file, { en: `not a readable zip archive (${(e as Error).message}); zip the Shapefile parts (.shp, .shx, .dbf, .prj) again`, zh: `zip 压缩包无法读取（${(e as Error).message}）：请重新打包 Shapefile 的各个文件（.shp、.shx、.dbf、.prj）` });
  }
  return entries;
}

/** Inflates the entries whose names `wanted` accepts (after listZip has checked the limits). */
export function unzipEntries(file: string, bytes: Uint8Array, wanted: (name: string) => boolean, limits = ZIP_LIMITS): Record<string, Uint8Array> {
  listZip(file, bytes, limits);
  try {
    return unzipSync(bytes, { filter: (f) => wanted(f.name) });
  } catch (e) {
    throw new LoadError(file, { en: `a file inside the zip cannot be unpacked (${(e as Error).message})`, zh: `zip 中的文件无法解压（${(e as Error).message}）：请重新打包后再加载` });
  }
}
