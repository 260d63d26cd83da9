/**
 * Which engine errors are crashes. A WebAssembly trap aborts DuckDB in the middle of whatever it
 * was doing: locks, allocator and catalog may be left half-changed, so the instance must not run
 * another query (the next one may fail for no reason of its own, or silently answer wrongly). The
 * same holds for DuckDB's own FATAL/INTERNAL errors and its "database has been invalidated".
 * DuckDB's "Out of Memory Error" is not one of these: the query fails and the database stays valid.
 *
 * Trap messages are V8's (`src/common/message-template.h`, `WasmTrap*`) and Emscripten's
 * (`Aborted(…)`); they reach us either as a `WebAssembly.RuntimeError` or as text inside DuckDB's
 * error (the blocking bindings stringify what the wasm call threw).
 */

/** DuckDB's own invalidating errors, wherever they appear in the message. */
const DUCKDB_FATAL = /^(FATAL|INTERNAL) Error|database has been invalidated/im;

/**
 * A DuckDB error of any other type ("Conversion Error: …", "Binder Error: …"). DuckDB wrote it, so
 * the instance was working; such a message may quote user text ("Could not convert string
 * 'unreachable'") that must not be read as a trap.
 */
const DUCKDB_TYPED = /^[A-Z][A-Za-z]*( [A-Za-z]+)* Error: /;

/** V8's wasm trap messages, Emscripten's abort, and a stack overflow inside a wasm call. */
const TRAP_MESSAGES: readonly RegExp[] = [
  /\bunreachable\b/i,
  /out of bounds/i,
  /null function/i,
  /function signature mismatch/i,
  /integer (divide by zero|overflow)/i,
  /divide result unrepresentable/i,
  /remainder by zero/i,
  /float unrepresentable in integer range/i,
  /\bRuntimeError\b/,
  /WebAssembly\.Exception/,
  /Aborted\(/,
  /Maximum call stack size exceeded/i,
];

/** True when `e` means the engine instance is broken and must be restarted. */
export function isEngineTrap(e: unknown): boolean {
  const wasm = (globalThis as { WebAssembly?: { RuntimeError?: unknown; Exception?: unknown } }).WebAssembly;
  if (wasm && typeof wasm.RuntimeError === 'function' && e instanceof (wasm.RuntimeError as new () => Error))
    return true;
  if (wasm && typeof wasm.Exception === 'function' && e instanceof (wasm.Exception as new () => object)) return true;
  const message = e instanceof Error ? e.message : String(e);
  if (DUCKDB_FATAL.test(message)) return true;
  if (DUCKDB_TYPED.test(message)) return false;
  const text = e instanceof Error ? `${e.name}: ${message}` : message;
  return TRAP_MESSAGES.some((re) => re.test(text));
}
