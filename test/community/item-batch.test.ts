import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { addBatch, emptyBatch, pushItem } from '../../src/community/item-batch.js';
import { ProfileBuilder, type ItemInput } from '../../src/community/profile-builder.js';
import { openExport } from '../../src/input/read-export.js';
import { parseEngagement, parseTime } from '../../src/input/columns.js';

describe('ItemBatch', () => {
  it('measures the items a worker receives as the builder measures them one by one', async () => {
    const opened = await openExport('fixtures/community/crumb-club.csv');
    const direct = new ProfileBuilder();
    const batched = new ProfileBuilder();
    const batches = [emptyBatch(), emptyBatch()];
    let k = 0;
    for await (const row of opened.rows) {
      const v = row.values;
      // Every third item without engagement, time or thread: nulls must arrive as nulls.
      const bare = k++ % 3 === 0;
      const item: ItemInput = {
        text: String(v.body ?? ''),
        engagement: bare ? null : parseEngagement(v.score),
        time: bare ? null : parseTime(v.created_at),
        thread: bare ? null : String(v.thread_id),
        author: null,
      };
      const ok = direct.accept(item);
      if (typeof ok === 'string') continue;
      direct.addAccepted(ok.key, ok.text, item);
      pushItem(batches[k < 200 ? 0 : 1], ok.key, ok.text, item);
    }
    // As postMessage copies them.
    for (const batch of batches) addBatch(batched, deserialize(serialize(batch)));
    const a = direct.finish();
    const b = batched.finish();
    expect(b.counts.items).toBeGreaterThan(400);
    expect(b.counts.engagement.n).toBeLessThan(b.counts.items);
    expect(b).toEqual(a);
  });
});
