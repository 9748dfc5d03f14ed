/** Display formats: persons rounded to whole people, shares as percent, distances in metres. */
export const formatPersons = (n: number | null | undefined) => (n === null || n === undefined ? '—' : Math.round(n).toLocaleString('en-US'));
export const formatPercent = (s: number | null | undefined) => (s === null || s === undefined || !Number.isFinite(s) ? '—' : `${(s * 100).toFixed(1)}%`);
export const formatMetres = (m: number | null | undefined) => (m === null || m === undefined || !Number.isFinite(m) ? '—' : `${Math.round(m)} m`);
