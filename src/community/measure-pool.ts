// Spreads the measuring of accepted items over worker threads and the main thread, in a fixed rotation,
// so a build uses both cores and still gives the same profile for the same input.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MeasureInput, ProfileBuilder } from './profile-builder.js';
import type { ToWorker } from './build-worker.js';
import { addBatch, emptyBatch, pushItem } from './item-batch.js';
import type { PartialBuild } from './merge-profiles.js';

const BATCH = 500;
/** Batches a worker may have queued before the reader waits: bounds memory when measuring lags reading. */
const MAX_IN_FLIGHT = 4;
/**
 * A worker's young generation (V8's default is 3 × 16 MB). Measuring allocates short-lived tokens at a high rate;
 * with the default, the worker's heap swelled between scavenges and peak memory rose with the length of the run
 * (39 MB file 294 MiB, 393 MB file 373 MiB: 1.27 ×). A small young generation is scavenged more often and is no
 * slower here (`npm run bench -- --large`, BENCHMARKS.md).
 */
const YOUNG_GENERATION_MB = 12;
const WORKER_URL = new URL('./build-worker.js', import.meta.url);

/** A worker per core beyond the main thread's (which also reads and parses), up to four. */
export function defaultJobs(): number {
  return Math.max(0, Math.min(4, availableParallelism() - 1));
}

/** Worker threads need the compiled worker module; run from TypeScript sources they are not available. */
export function workersAvailable(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

interface Lane {
  worker: Worker;
  inFlight: number;
  waiters: (() => void)[];
  done: Promise<PartialBuild>;
}

export class MeasurePool {
  private readonly lanes: Lane[];
  /**
   * Lane index per batch number; -1 is the main thread. With k workers, each worker takes k batches for each one
   * kept here: the main thread also reads, parses and de-duplicates every row (about a fifth of the measuring's
   * cost on real exports), so with one worker the two share batches evenly, and with four the main thread
   * measures one batch in seventeen. Two batches per worker for each one kept left the main thread waiting for
   * its one worker for a fifth of a real build (BENCHMARKS.md).
   */
  private readonly rotation: number[];
  private batch = emptyBatch();
  private batchNo = 0;
  private failure: Error | null = null;

  constructor(
    private readonly main: ProfileBuilder,
    workers: number,
    limits: { sampleSize: number; maxWords: number; maxBigrams: number },
  ) {
    this.lanes = Array.from({ length: workers }, () => this.startLane(limits));
    this.rotation = [...Array.from({ length: workers }, () => this.lanes.map((_, i) => i)).flat(), -1];
  }

  private startLane(limits: { sampleSize: number; maxWords: number; maxBigrams: number }): Lane {
    const worker = new Worker(WORKER_URL, { workerData: limits, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const lane: Lane = { worker, inFlight: 0, waiters: [], done: Promise.resolve(null as unknown as PartialBuild) };
    lane.done = new Promise<PartialBuild>((resolve, reject) => {
      worker.on('message', (msg: { type: 'ack' } | { type: 'done'; part: PartialBuild }) => {
        if (msg.type === 'ack') {
          lane.inFlight--;
          lane.waiters.shift()?.();
        } else resolve(msg.part);
      });
      worker.on('error', (err) => {
        this.failure = err;
        for (const w of lane.waiters.splice(0)) w();
        reject(err);
      });
    });
    lane.done.catch(() => undefined); // surfaced through `failure` / finish()
    return lane;
  }

  /**
   * Queues an accepted item (its key and text as ProfileBuilder.accept returned them); returns a promise only when
   * the reader must wait for a worker to catch up.
   */
  add(key: number, text: string, item: MeasureInput): Promise<void> | undefined {
    return pushItem(this.batch, key, text, item) >= BATCH ? this.dispatch() : undefined;
  }

  private async dispatch(): Promise<void> {
    const items = this.batch;
    this.batch = emptyBatch();
    const target = this.rotation[this.batchNo++ % this.rotation.length];
    if (target < 0) {
      addBatch(this.main, items);
      return;
    }
    const lane = this.lanes[target];
    while (lane.inFlight >= MAX_IN_FLIGHT && !this.failure) await new Promise<void>((r) => lane.waiters.push(r));
    if (this.failure) throw this.failure;
    lane.inFlight++;
    lane.worker.postMessage({ type: 'batch', items } satisfies ToWorker);
  }

  /** Sends the last batch and collects each worker's partial build. */
  async finish(): Promise<PartialBuild[]> {
    if (this.batch.keys.length) await this.dispatch();
    for (const lane of this.lanes) lane.worker.postMessage({ type: 'finish' } satisfies ToWorker);
    try {
      return await Promise.all(this.lanes.map((l) => l.done));
    } finally {
      await this.terminate();
    }
  }

  async terminate(): Promise<void> {
    await Promise.all(this.lanes.map((l) => l.worker.terminate()));
  }
}
