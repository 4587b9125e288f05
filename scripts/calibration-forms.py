#!/usr/bin/env python3
"""Other ways to turn the language measure into a 0-100 score, on the split of scripts/eval.ts (dumped by
scripts/fit-dump.ts). numpy and scipy; deterministic. EVALUATION.md, "Other calibration forms".

    npx tsx scripts/fit-dump.ts reddit /tmp/reddit.json
    npx tsx scripts/fit-dump.ts stackexchange /tmp/se.json
    python3 scripts/calibration-forms.py /tmp/reddit.json
    python3 scripts/calibration-forms.py /tmp/se.json

The raw measure and the profile's reference items are those of the replica in scripts/background-variants.py (the
shipped background, written share 0.5). Each row turns the raw measure into a score against each profile:
- the shipped rule: the percentile among the 20 comparable items (scripts/background-variants.py, `comparable`);
- the percentile among the k items nearest in length (more items: less noise, less like with like);
- a percentile over all reference items, each weighted by a Gaussian kernel in log length (bandwidth h);
- a normal percentile, Phi((raw - mean) / sd), with mean and sd weighted by the same kernel;
- the raw measure less the comparable items' median, over a scale shared by all profiles (the median of the
  profiles' standard deviations) to the power 1 - a times the profile's own to the power a: a = 1 divides by the
  profile's own spread as a percentile does, a = 0 keeps one scale for all profiles and only moves each profile's
  typical item to 50.
Columns: same-item AUC and top-1 of the unrounded score and of the score rounded to an integer, as the report shows
it; the lowest and highest median own score over communities with 20+ held-out items, long (100+ words) and short;
the share of own held-out items below 10 and above 90 (honest: about 10% each).
"""
import importlib.util
import sys
from pathlib import Path

import numpy as np
from scipy.special import ndtr

spec = importlib.util.spec_from_file_location('bv', Path(__file__).with_name('background-variants.py'))
bv = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bv)
fc = bv.fc


def prepare(path):
    D, raw = bv.load_registers(path)
    bg = bv.background(D, raw, 0.5)
    items, S, P = bv.scores(D, bg)
    refs = bv.reference_items(D, bg)
    lengths = np.array([len(it['ids']) for it in items], dtype=float)
    own = np.array([it['c'] for it in items])
    return D, items, S, P, refs, lengths, own


def row(name, D, items, P, lengths, own):
    top1, a, _ = fc.evaluate(D, P, items)
    top1r, ar, _ = fc.evaluate(D, np.round(P), items)
    po = P[np.arange(len(items)), own]
    spans = []
    for lo, hi in [(100, np.inf), (0, 100)]:
        meds = [np.median(po[(own == c) & (lengths >= lo) & (lengths < hi)]) for c in range(D['K']) if ((own == c) & (lengths >= lo) & (lengths < hi)).sum() >= 20]
        spans.append(f'{min(meds):.0f}-{max(meds):.0f}')
    print(f'| {name} | {a:.3f} / {top1:.3f} | {ar:.3f} / {top1r:.3f} | {spans[0]} / {spans[1]} | {np.mean(po < 10):.1%} / {np.mean(po > 90):.1%} |', flush=True)


def kernel_weights(lens, words, h):
    return np.exp(-0.5 * ((np.log(lens) - np.log(words)) / h) ** 2)


def main():
    D, items, S, P, refs, lengths, own = prepare(sys.argv[1])
    K = D['K']
    grid = lambda f: np.array([[f(i, c) for c in range(K)] for i in range(len(items))])  # noqa: E731
    print('| score | AUC / top-1 | rounded: AUC / top-1 | own median, long / short | own below 10 / above 90 |')
    print('|---|---|---|---|---|')
    row('raw measure (no calibration)', D, items, S, lengths, own)
    row('shipped: percentile among the 20 comparable items', D, items, P, lengths, own)
    for k in (50, 100, 200):
        def nearest(i, c, k=k):
            v, lens = refs[c]
            idx = np.argsort(np.abs(np.log(lens / lengths[i])), kind='stable')[:k]
            return bv.percentile(S[i, c], np.sort(v[idx]))
        row(f'percentile among the {k} nearest in length', D, items, grid(nearest), lengths, own)
    for h in (0.25, 0.5, 1.0):
        def ecdf(i, c, h=h):
            v, lens = refs[c]
            w = kernel_weights(lens, lengths[i], h)
            return 100 * (w * ((v < S[i, c]) + 0.5 * (v == S[i, c]))).sum() / w.sum()

        def normal(i, c, h=h):
            v, lens = refs[c]
            w = kernel_weights(lens, lengths[i], h)
            mu = (w * v).sum() / w.sum()
            return 100 * ndtr((S[i, c] - mu) / np.sqrt((w * (v - mu) ** 2).sum() / w.sum()))
        row(f'kernel-weighted percentile, h = {h}', D, items, grid(ecdf), lengths, own)
        row(f'normal percentile, kernel h = {h}', D, items, grid(normal), lengths, own)
    M = np.zeros_like(S)
    SD = np.zeros_like(S)
    for i in range(len(items)):
        for c in range(K):
            v = refs[c][0][bv.comparable(refs[c][1], lengths[i])]
            M[i, c], SD[i, c] = np.median(v), v.std()
    shared = np.median(SD)
    for a in (0, 0.5, 1):
        row(f'median moved to 50, scale a = {a}', D, items, 100 * ndtr((S - M) / (shared ** (1 - a) * SD ** a)), lengths, own)


if __name__ == '__main__':
    main()
