/** Strings of the large-file loading (reading progress, size notes). */
export const BIGFILE_STRINGS = {
  bigfileReading: ['读取文件 {name} {percent}%', 'Reading file {name} {percent}%'],
} satisfies Record<string, [string, string]>;
