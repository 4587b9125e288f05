// Worker thread of a profile build: measures the accepted items it is sent into a partial build.
import { parentPort, workerData } from 'node:worker_threads';
import { ProfileBuilder, type MeasureInput } from './profile-builder.js';

export interface WorkerItem extends MeasureInput {
  key: number;
  text: string;
}

export type ToWorker = { type: 'batch'; items: WorkerItem[] } | { type: 'finish' };

const { sampleSize, maxWords, maxBigrams } = workerData as { sampleSize: number; maxWords: number; maxBigrams: number };
const builder = new ProfileBuilder(sampleSize, maxWords, maxBigrams);

parentPort!.on('message', (msg: ToWorker) => {
  if (msg.type === 'batch') {
    for (const item of msg.items) builder.addAccepted(item.key, item.text, item);
    parentPort!.postMessage({ type: 'ack' });
  } else {
    parentPort!.postMessage({ type: 'done', part: builder.finish() });
  }
});
