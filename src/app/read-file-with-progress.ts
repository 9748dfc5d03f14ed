import { checkFileSize } from '../io/file-size-limit.ts';

/**
 * A File's bytes, read as a stream so that progress can be shown and the read cancelled. The
 * chunks (64 KiB-ish, as the browser hands them) are copied into one buffer of the file's size,
 * so reading a 200 MB file never holds the main thread for more than a copy of one chunk, and
 * memory stays one copy of the file. The size limit is checked before anything is read.
 */
export async function readFileWithProgress(file: File, onProgress: (done: number, total: number) => void, signal?: AbortSignal): Promise<Uint8Array> {
  checkFileSize(file.name, file.size);
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  const abort = () => reader.cancel().catch(() => {});
  signal?.addEventListener('abort', abort, { once: true });
  let done = 0;
  // At most one progress update per 1 % and per 100 ms: each one re-renders the app, and a burst of
  // them would delay the user's clicks as much as the work they report on.
  const every = Math.max(1, Math.floor(file.size / 100));
  let next = every;
  let shownAt = performance.now();
  try {
    onProgress(0, file.size);
    for (;;) {
      if (signal?.aborted) throw Object.assign(new Error('Cancelled'), { name: 'AbortError' });
      const { value, done: end } = await reader.read();
      if (end) break;
      // A file that grew while being read: the bytes past its size at open time are not read.
      const take = Math.min(value.length, out.length - done);
      out.set(take === value.length ? value : value.subarray(0, take), done);
      done += take;
      if ((done >= next && performance.now() - shownAt >= 100) || done === out.length) {
        onProgress(done, file.size);
        next = done + every;
        shownAt = performance.now();
      }
      if (done === out.length) break;
    }
    if (signal?.aborted) throw Object.assign(new Error('Cancelled'), { name: 'AbortError' });
    return done === out.length ? out : out.subarray(0, done);
  } finally {
    signal?.removeEventListener('abort', abort);
    reader.releaseLock?.();
  }
}
