export function median(xs: readonly number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** Median of one field over several samples. */
export function med<T>(samples: readonly T[], f: (t: T) => number | undefined): number {
  return median(samples.map(f).filter((x): x is number => typeof x === 'number'));
}

export const fmt = {
  s: (ms: number): string => (Number.isFinite(ms) ? (ms / 1000).toFixed(ms < 10_000 ? 2 : 1) : '–'),
  ms: (ms: number): string => (!Number.isFinite(ms) ? '–' : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3)),
  mb: (mb: number): string => (Number.isFinite(mb) ? mb.toFixed(0) : '–'),
  x: (r: number): string => (Number.isFinite(r) ? `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×` : '–'),
  n: (n: number): string => (Number.isFinite(n) ? String(Math.round(n)) : '–'),
  cores: (c: number): string => (Number.isFinite(c) ? c.toFixed(1) : '–'),
};
