/**
 * Where import bytes come from: a browser `File`/`Blob` (read in slices, never copied whole) or a
 * `Uint8Array` (Node, tests, CLI). Everything downstream reads through these helpers, so the same
 * code runs in the worker and in Node.
 */

/** A file to import: its name (for messages, format and table naming) and its bytes. */
export interface ImportSource {
  /** File name including extension, e.g. `orders.csv` or `online_retail.csv.gz`. */
  name: string;
  /** The content: a `Blob`/`File` in the browser, a `Uint8Array` in Node. */
  data: Blob | Uint8Array;
}

/** Default slice size for streaming reads: large enough to be fast, small enough to stay off the heap. */
export const SLICE_BYTES = 4 * 1024 * 1024;

/** A flag the caller flips to stop a long import; checked between slices and between SQL steps. */
export interface CancelToken {
  readonly cancelled: boolean;
}

/** Creates a cancel token and the function that cancels it. */
export function cancelToken(): { token: CancelToken; cancel: () => void } {
  const state = { cancelled: false };
  return { token: state, cancel: () => void (state.cancelled = true) };
}

/** Size of the source in bytes. */
export function sourceSize(source: ImportSource): number {
  return source.data instanceof Uint8Array ? source.data.byteLength : source.data.size;
}

/** Bytes `start … end` (exclusive) of the source. */
export async function readRange(source: ImportSource, start: number, end: number): Promise<Uint8Array> {
  const d = source.data;
  if (d instanceof Uint8Array) return d.subarray(start, Math.min(end, d.byteLength));
  return new Uint8Array(await d.slice(start, end).arrayBuffer());
}

/** The whole source as bytes (only for formats whose readers need it: XLSX, JSON, small files). */
export async function readAll(source: ImportSource): Promise<Uint8Array> {
  return readRange(source, 0, sourceSize(source));
}

/** Streams the source in slices of `sliceBytes`. */
export async function* readSlices(source: ImportSource, sliceBytes = SLICE_BYTES): AsyncGenerator<Uint8Array> {
  const size = sourceSize(source);
  for (let at = 0; at < size; at += sliceBytes) yield await readRange(source, at, at + sliceBytes);
}

/** True when the bytes start with the gzip magic number. */
export function isGzip(head: Uint8Array): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}

/** Decompresses a gzip stream of slices (DecompressionStream exists in browsers, workers and Node ≥ 18). */
export async function* gunzipSlices(slices: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const input = new ReadableStream<Uint8Array>({
    async start(controller) {
      for await (const s of slices) controller.enqueue(s);
      controller.close();
    },
  });
  const reader = input
    .pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>)
    .getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** The content's slices, decompressed when the source is gzip. */
export async function* contentSlices(source: ImportSource, sliceBytes = SLICE_BYTES): AsyncGenerator<Uint8Array> {
  const head = await readRange(source, 0, 2);
  yield* isGzip(head) ? gunzipSlices(readSlices(source, sliceBytes)) : readSlices(source, sliceBytes);
}

/** The first `maxBytes` of the (decompressed) content: what detection and sniffing look at. */
export async function readContentHead(source: ImportSource, maxBytes: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const s of contentSlices(source, Math.min(SLICE_BYTES, Math.max(maxBytes, 65536)))) {
    parts.push(s);
    total += s.byteLength;
    if (total >= maxBytes) break;
  }
  return concatBytes(parts).subarray(0, maxBytes);
}

/** Concatenates byte arrays. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** `orders.csv.gz` → `orders`: the table name a file gets in a data folder. */
export function fileStem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\.gz$/i, '').replace(/\.[^.]+$/, '');
}
