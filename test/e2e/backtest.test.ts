import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMUNITY, run } from './run.js';

describe('resonate backtest (built CLI)', () => {
  it('reports same-thread pairwise accuracy with an interval, next to length alone', { timeout: 60_000 }, () => {
    const r = run(['backtest', COMMUNITY]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^In this community, the reading orders same-thread pairs correctly \d+% of the time \(\d+–\d+%\); length alone: \d+%\.$/m);
    for (const row of ['overall', 'language', 'emotion', 'engagement', 'conversation', 'length alone']) expect(r.stdout).toMatch(new RegExp(`^${row}\\s+\\d+% \\(`, 'm'));
  });

  it('is deterministic and writes JSON', { timeout: 90_000 }, () => {
    const a = run(['backtest', COMMUNITY, '--format', 'json', '--folds', '3', '--seed', '5']);
    expect(a.code).toBe(0);
    expect(run(['backtest', COMMUNITY, '--format', 'json', '--folds', '3', '--seed', '5']).stdout).toBe(a.stdout);
    const j = JSON.parse(a.stdout);
    expect(j).toMatchObject({ kind: 'resonate-backtest', folds: 3, seed: 5, pairing: 'thread' });
    expect(j.results.map((x: { predictor: string }) => x.predictor)).toEqual(['overall', 'language', 'emotion', 'engagement', 'conversation', 'length']);
    for (const x of j.results) {
      expect(x.pairwise).toBeGreaterThanOrEqual(0);
      expect(x.pairwise).toBeLessThanOrEqual(1);
      expect(x.pairwiseInterval.low).toBeLessThanOrEqual(x.pairwise);
      expect(x.pairwiseInterval.high).toBeGreaterThanOrEqual(x.pairwise);
    }
    expect(j.scored).toBeGreaterThan(400);
  });

  it('refuses an export without an engagement column (exit 2, one line)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'resonate-'));
    const path = join(dir, 'noscore.csv');
    writeFileSync(path, readFileSync(COMMUNITY, 'utf8').replace(/^id,thread_id,parent_id,author,created_at,score,body/, 'id,thread_id,parent_id,author,created_at,rank,body'));
    const r = run(['backtest', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no engagement column/);
    expect(r.stderr).toMatch(/--score-column/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('rejects fewer than 2 folds', () => {
    const r = run(['backtest', COMMUNITY, '--folds', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--folds needs at least 2/);
  });
});
