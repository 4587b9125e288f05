// Worker thread of a profile build: measures the accepted items it is sent into a partial build.
import { parentPort, workerData } from 'node:worker_threads';
import { addBatch, type ItemBatch } from './item-batch.js';
import { ProfileBuilder } from './profile-builder.js';

export type ToWorker = { type: 'batch'; items: ItemBatch } | { type: 'finish' };

const { sampleSize, maxWords, maxBigrams } = workerData as { sampleSize: number; maxWords: number; maxBigrams: number };
const builder = new ProfileBuilder(sampleSize, maxWords, maxBigrams);

parentPort!.on('message', (msg: ToWorker) => {
  if (msg.type === 'batch') {
    addBatch(builder, msg.items);
    parentPort!.postMessage({ type: 'ack' });
  } else {
    parentPort!.postMessage({ type: 'done', part: builder.finish() });
  }
});
