/**
 * JSON text written in pieces, for documents too large to hold as one string (the open-data
 * documents of a 100,000-precinct election are 35 to 120 MB of text, and as JavaScript strings
 * twice that). The pieces joined are exactly `JSON.stringify(value)`.
 */
type Container = Record<string, unknown> | unknown[];
type Frame = { values: unknown[]; keys: string[] | null; next: number };

const isContainer = (value: unknown): value is Container =>
  value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const isSkipped = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';
/** A container with nothing inside to descend into is written whole, natively: most objects of a document are. */
const isFlat = (values: unknown[]) => values.every((value) => !isContainer(value));

export function* jsonChunks(value: unknown, chunkLength = 1 << 16): Generator<string> {
  const stack: Frame[] = [];
  let text = '';
  const write = (item: unknown) => {
    if (!isContainer(item)) {
      text += JSON.stringify(item) ?? 'null';
      return;
    }
    const keys = Array.isArray(item) ? null : Object.keys(item).filter((key) => !isSkipped(item[key]));
    const values = keys ? keys.map((key) => (item as Record<string, unknown>)[key]) : (item as unknown[]);
    if (isFlat(values)) text += JSON.stringify(item);
    else {
      text += keys ? '{' : '[';
      stack.push({ values, keys, next: 0 });
    }
  };
  write(value);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next === frame.values.length) {
      text += frame.keys ? '}' : ']';
      stack.pop();
    } else {
      const index = frame.next++;
      if (index > 0) text += ',';
      if (frame.keys) text += `${JSON.stringify(frame.keys[index])}:`;
      write(frame.values[index]);
    }
    if (text.length >= chunkLength) {
      yield text;
      text = '';
    }
  }
  if (text) yield text;
}
