export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * The best encoding the reader accepts of those `offered` in order of preference (Accept-Encoding
 * with q-values; identity is acceptable unless refused outright).
 */
export function chooseEncoding(acceptEncoding: string | string[] | undefined | null, offered: readonly Exclude<Encoding, 'identity'>[]): Encoding {
  const weights = new Map<string, number>();
  for (const part of String(acceptEncoding ?? '')
    .toLowerCase()
    .split(',')) {
    const [name, ...params] = part.split(';').map((piece) => piece.trim());
    if (!name) continue;
    const q = params.find((param) => param.startsWith('q='));
    weights.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const weight = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? (name === 'identity' ? 1 : 0);
  return offered.find((name) => weight(name) > 0) ?? 'identity';
}
