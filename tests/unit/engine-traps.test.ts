// Which engine errors are crashes (restart) and which are the query's own fault (shown at the cell).
import { describe, expect, it } from 'vitest';
import { toEngineError } from '../../src/engine/database.ts';
import { isEngineTrap } from '../../src/engine/traps.ts';

const runtime = (message: string) => new WebAssembly.RuntimeError(message);

describe('isEngineTrap', () => {
  it.each<[string, unknown, boolean]>([
    // V8 traps as the bindings throw them.
    ['null function', runtime('null function or function signature mismatch'), true],
    ['signature mismatch', runtime('function signature mismatch'), true],
    ['unreachable', runtime('unreachable'), true],
    ['memory out of bounds', runtime('memory access out of bounds'), true],
    ['table out of bounds', runtime('table index is out of bounds'), true],
    ['divide by zero trap', runtime('divide by zero'), true],
    ['a RuntimeError with any text', runtime('something new'), true],
    // The same texts when only the message crossed a boundary.
    ['stringified trap', new Error('RuntimeError: null function or function signature mismatch'), true],
    ['bare trap text', 'function signature mismatch', true],
    ['bare unreachable', new Error('unreachable'), true],
    ['emscripten abort', new Error('Aborted(OOM)'), true],
    ['wasm exception', new Error('WebAssembly.Exception: uncaught'), true],
    ['stack overflow', new RangeError('Maximum call stack size exceeded'), true],
    [
      'DuckDB FATAL',
      new Error('FATAL Error: Failed: database has been invalidated because of a previous fatal error.'),
      true,
    ],
    ['DuckDB INTERNAL', new Error('INTERNAL Error: Attempted to access index 3 within vector of size 3'), true],
    // DuckDB's own errors: the instance works, whatever user text they quote.
    [
      'out of memory',
      new Error('Out of Memory Error: could not allocate block of size 256.0 KiB (16.0 MiB/16.0 MiB used)'),
      false,
    ],
    ['catalog', new Error('Catalog Error: Table with name x does not exist!'), false],
    ['user text "unreachable"', new Error("Conversion Error: Could not convert string 'unreachable' to INT32"), false],
    ['user text "null function"', new Error('Binder Error: Referenced column "null function" not found'), false],
    ['out of range', new Error('Out of Range Error: index out of bounds for list'), false],
    ['parser', new Error('Parser Error: syntax error at or near "SELEC"'), false],
  ])('%s', (_name, error, trap) => {
    expect(isEngineTrap(error)).toBe(trap);
    expect(toEngineError(error).info.code).toBe(trap ? 'fatal' : 'query');
  });

  it('names the trap in the message', () => {
    expect(toEngineError(runtime('unreachable')).message).toBe('RuntimeError: unreachable');
  });
});
