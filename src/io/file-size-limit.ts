import { LoadError } from './load-error.ts';

/**
 * The largest layer file read: 512 MiB. A browser tab cannot hold much more as text (V8 strings
 * stop near 512 M characters) and a district's data is far smaller; a bigger file is almost always
 * a whole province or country extract. Checked from the size alone (File.size, fs.stat) before the
 * bytes are read, so a 1 GB file fails in milliseconds with a message, not by exhausting memory.
 */
export const MAX_FILE_BYTES = 512 * 1024 ** 2;

export function checkFileSize(name: string, size: number, limit = MAX_FILE_BYTES): void {
  if (size > limit)
    throw new LoadError(name, {
      en:
        `the file is ${Math.round(size / 1024 ** 2)} MB; Lifecircle reads files up to ${Math.round(limit / 1024 ** 2)} MB. ` +
        'Clip it to the study area first (e.g. osmium extract --bbox, or ogr2ogr -clipsrc) and load that.',
      zh:
        `文件有 ${Math.round(size / 1024 ** 2)} MB，Lifecircle 最多读取 ${Math.round(limit / 1024 ** 2)} MB 的文件。` +
        '请先裁剪到研究范围（如 osmium extract --bbox 或 ogr2ogr -clipsrc）再加载。',
    });
}
