// EngineClient over a fake worker (a MessageChannel running a Comlink-exposed object): the
// bookkeeping of in-flight calls, which must not grow with use, and the crash path it serves.
import * as Comlink from 'comlink';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineClient } from '../../src/app/engine-client.ts';

/** The worker side: answers at once, except `hang`, which never answers. */
const fakeApi = {
  init: async () => ({ duckdbVersion: 'fake' }),
  loadSample: async () => [],
  ping: async () => 'pong',
  hang: () => new Promise<never>(() => undefined),
};

let ports: MessagePort[] = [];

/** Stands in for `Worker`: the client talks to one end of a channel, `fakeApi` listens on the other. */
class FakeWorker {
  constructor() {
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(fakeApi, port2);
    ports.push(port1, port2);
    return Object.assign(port1, { terminate: () => (port1.close(), port2.close()) });
  }
}

/** In-flight bookkeeping of the client (private: read through a cast, as the leak was invisible from outside). */
const waiting = (c: EngineClient) => (c as unknown as { crashWaiters: unknown[] }).crashWaiters.length;
const call = (c: EngineClient, method: string) =>
  (c.api as unknown as Record<string, () => Promise<unknown>>)[method]!();

describe('EngineClient', () => {
  const original = globalThis.Worker;
  beforeEach(() => {
    globalThis.Worker = FakeWorker as unknown as typeof Worker;
  });
  afterEach(() => {
    globalThis.Worker = original;
    for (const p of ports) p.close();
    ports = [];
  });

  it.each([1, 10, 200])('keeps no crash waiter once %i calls have settled', async (n) => {
    const client = new EngineClient();
    await client.start();
    expect(client.state).toEqual({ kind: 'ready', duckdbVersion: 'fake' });
    for (let i = 0; i < n; i++) expect(await call(client, 'ping')).toBe('pong');
    expect(waiting(client)).toBe(0);
  });

  it('still fails a call in flight when the worker crashes, then forgets it', async () => {
    const client = new EngineClient();
    await client.start();
    const pending = call(client, 'hang');
    expect(waiting(client)).toBe(1);
    const worker = (client as unknown as { worker: EventTarget }).worker;
    worker.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'boom' }));
    await expect(pending).rejects.toMatchObject({ info: { code: 'fatal', message: 'The engine stopped: boom' } });
    expect(client.state).toEqual({ kind: 'crashed', message: 'boom' });
    expect(waiting(client)).toBe(0);
  });

  it('a call the previous worker left unanswered fails without stopping the restarted engine', async () => {
    const client = new EngineClient();
    await client.start();
    const failed = expect(call(client, 'hang')).rejects.toMatchObject({ info: { code: 'fatal' } });
    await client.restart();
    await failed;
    expect(client.state).toEqual({ kind: 'ready', duckdbVersion: 'fake' });
    expect(await call(client, 'ping')).toBe('pong');
  });
});
