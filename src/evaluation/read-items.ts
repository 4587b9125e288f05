// Reads an export into backtest items (the same column detection and row reading as profile building).
import type { ColumnMap } from '../types.js';
import { InputError } from '../errors.js';
import { detectColumns, parseEngagement, parseTime, type ColumnOverrides } from '../input/columns.js';
import { openExport } from '../input/read-export.js';
import type { ItemInput } from '../community/profile-builder.js';

export async function readBacktestItems(path: string, overrides: ColumnOverrides): Promise<{ items: ItemInput[]; columns: ColumnMap }> {
  const opened = await openExport(path);
  const columns = detectColumns(opened.columns, overrides);
  if (!columns.engagement) {
    throw new InputError(
      `the export has no engagement column, so there is nothing to check the reading against (columns: ${opened.columns.slice(0, 20).join(', ')})`,
      'name the column with votes, likes or replies with --score-column NAME',
    );
  }
  const items: ItemInput[] = [];
  let engaged = 0;
  for await (const row of opened.rows) {
    const v = row.values;
    const text = v[columns.text];
    const engagement = parseEngagement(v[columns.engagement]);
    if (engagement !== null) engaged++;
    items.push({
      text: typeof text === 'string' ? text : text == null ? '' : String(text),
      engagement,
      time: columns.time ? parseTime(v[columns.time]) : null,
      thread: columns.thread && v[columns.thread] != null && v[columns.thread] !== '' ? String(v[columns.thread]) : null,
      author: columns.author && typeof v[columns.author] === 'string' ? (v[columns.author] as string) : null,
    });
  }
  if (engaged < 20) {
    throw new InputError(`only ${engaged} rows have a number in the engagement column '${columns.engagement}'; a backtest needs at least 20`, 'check --score-column');
  }
  return { items, columns };
}
