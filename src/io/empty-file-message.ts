import type { Bilingual } from './load-error.ts';

/** The message for a 0-byte file, which every reader checks first (an interrupted download or save). */
export const EMPTY_FILE: Bilingual = {
  en: 'the file is empty (0 bytes)',
  zh: '文件是空的（0 字节）：可能没有下载或保存完整，请重新导出后再加载',
};
