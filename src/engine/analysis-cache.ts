/**
 * Per-dataset-version memory of the engine: prepared data that analyses build once (typed
 * arrays read from the summary) and finished analysis results, keyed by (dataset version,
 * analysis, options). A new dataset version empties both, so nothing stale is ever served.
 */
import type { AnalysisResult } from '../analyses/types.ts';

/** Most analysis results kept per dataset version (a slider sweep revisits recent positions). */
const MAX_RESULTS = 48;

export class AnalysisCache {
  private version = '';
  private prepared = new Map<string, Promise<unknown>>();
  private results = new Map<string, AnalysisResult>();

  /** Switches to `version`, forgetting everything kept for another one. */
  use(version: string): void {
    if (version === this.version) return;
    this.version = version;
    this.prepared.clear();
    this.results.clear();
  }

  /** Builds `key` once per version; a failed build is forgotten so the next call retries. */
  memo<T>(key: string, build: () => Promise<T>): Promise<T> {
    let p = this.prepared.get(key) as Promise<T> | undefined;
    if (!p) {
      p = build();
      this.prepared.set(key, p);
      p.catch(() => this.prepared.delete(key));
    }
    return p;
  }

  /** A kept result (a private copy) or undefined. */
  result(key: string): AnalysisResult | undefined {
    const r = this.results.get(key);
    if (!r) return undefined;
    // Most recently used last, so the oldest is evicted first.
    this.results.delete(key);
    this.results.set(key, r);
    return structuredClone(r);
  }

  /** Keeps a result (a private copy). */
  keep(key: string, result: AnalysisResult): void {
    this.results.set(key, structuredClone(result));
    while (this.results.size > MAX_RESULTS) this.results.delete(this.results.keys().next().value!);
  }
}

/** The cache key of an analysis run: id plus options with keys in a stable order. */
export function resultKey(id: string, options: Record<string, unknown>): string {
  return `${id}\u0000${stableJson(options)}`;
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
