import type { AreaManifest } from '../io/area-manifest.ts';

// Vite bundles the default area's files as assets and gives their URLs (served from this origin).
const urls = import.meta.glob('../../data/nanjing-xinjiekou/*', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

/** File name → URL for every file of the default area. */
export const DEFAULT_AREA_URLS: Record<string, string> = Object.fromEntries(
  Object.entries(urls).map(([path, url]) => [path.split('/').pop()!, url]),
);

export async function fetchDefaultManifest(): Promise<AreaManifest> {
  const res = await fetch(DEFAULT_AREA_URLS['area.json']);
  if (!res.ok) throw new Error(`area.json: HTTP ${res.status}`);
  return res.json();
}
