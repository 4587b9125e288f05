#!/usr/bin/env python3
"""The language percentile under other general-English backgrounds, on the split of scripts/eval.ts (dumped by
scripts/fit-dump.ts). numpy and scipy; deterministic. EVALUATION.md, "A written background".

    npx tsx scripts/fit-dump.ts reddit /tmp/reddit.json
    npx tsx scripts/fit-dump.ts stackexchange /tmp/se.json
    python3 scripts/background-variants.py /tmp/reddit.json --other /tmp/se.json

A replica of the product's language score, fast enough to compare backgrounds: the Witten-Bell unigram log ratio
against a background, ranked among the profile's own training items (up to 2,000 of at most 400 words, by a hash of
their id; each measured with itself left out) of similar length (the shipped comparable-items rule), with the
normal tails. It differs from the product in the sample (the product's is chosen by a hash of the text) and in
leaving out the item alone rather than its thread, so its figures are close to, not equal to, `npm run eval`'s.

Rows: the background's written share 0 (spoken only) to 1; the other data set's communities pooled, mixed half and
half with the shipped background (a background of forum writing that knows none of these communities); this data
set's own training communities pooled (a ceiling: a background that knows every competitor). Columns: the raw
measure's and the percentile's same-item AUC and top-1, the AUC per profile (which a percentile keeps), and the
percentile's same-item AUC on each half of the communities (A: 1st, 3rd, ... by name).
"""
import hashlib
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
from scipy.special import log_ndtr
from scipy.stats import rankdata

spec = importlib.util.spec_from_file_location('fit_ceiling', Path(__file__).with_name('fit-ceiling.py'))
fc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fc)

SAMPLE, MAX_WORDS = 2000, 400
RULE = dict(items=20, ratio=2.0, max_ratio=3.0, widen=1.25, min_refs=10)


def percentile(x, s):
    """fractionalPercentile of src/analyzers/calibrate.ts (s sorted)."""
    n = len(s)
    mean, sd = s.mean(), s.std()
    if x < s[0]:
        p = 50.0 / n
        return p * np.exp(log_ndtr((x - mean) / sd) - log_ndtr((s[0] - mean) / sd)) if sd > 0 else 0.0
    if x > s[-1]:
        p = 50.0 / n
        return 100 - p * np.exp(log_ndtr((mean - x) / sd) - log_ndtr((mean - s[-1]) / sd)) if sd > 0 else 100.0
    lo, hi = np.searchsorted(s, x, 'left'), np.searchsorted(s, x, 'right')
    if hi > lo:
        return 100 * (lo + (hi - lo) / 2) / n
    a, b = 100 * (lo - 0.5) / n, 100 * (lo + 0.5) / n
    return a + (b - a) * (x - s[lo - 1]) / (s[lo] - s[lo - 1])


def comparable(lengths, words):
    ratio = RULE['ratio']
    while True:
        r = min(ratio, RULE['max_ratio'])
        m = (lengths >= words / r) & (lengths <= np.floor(words * r))
        if m.sum() >= RULE['items'] or r >= RULE['max_ratio']:
            break
        ratio *= RULE['widen']
    if m.sum() < RULE['min_refs']:
        m = np.zeros(len(lengths), bool)
        m[np.argsort(np.abs(np.log(lengths / words)), kind='stable')[:RULE['items']]] = True
    return m


def auc(a, b):
    r = rankdata(np.concatenate([a, b]))
    return (r[:len(a)].sum() - len(a) * (len(a) + 1) / 2) / (len(a) * len(b))


def reference_items(D, bg, k=1.0):
    """Each profile's reference items: (raw measures, lengths), each measured with itself left out."""
    C, N = D['C'], D['N']
    T = k * (C > 0).sum(1).astype(float)
    refs = []
    for c in range(D['K']):
        train = [d for d in D['docs'] if d['c'] == c and d['fold'] != 0 and len(d['u']) and len(d['ids']) <= MAX_WORDS]
        train = sorted(train, key=lambda d: hashlib.md5(d['id'].encode()).hexdigest())[:SAMPLE]
        vals, lens = [], []
        for d in train:
            u, n = d['u'], d['n']
            cw = C[c, u] - n
            t = T[c] - k * (cw <= 0).sum()
            r = np.log((np.maximum(cw, 0) + t * bg[u]) / (N[c] - n.sum() + t)) - np.log(bg[u])
            vals.append((r * n).sum() / n.sum())
            lens.append(n.sum())
        refs.append((np.array(vals), np.array(lens, dtype=float)))
    return refs


def scores(D, bg, k=1.0):
    """Raw measure and percentile of every chosen held-out item against every profile."""
    K, C, N = D['K'], D['C'], D['N']
    T = k * (C > 0).sum(1).astype(float)
    llr = np.log((C + T[:, None] * bg[None, :]) / (N + T)[:, None]) - np.log(bg)[None, :]
    items = [d for d in D['docs'] if d['chosen'] and len(d['u'])]
    S = fc.score_items(D, items, llr)
    refs = reference_items(D, bg, k)
    P = np.zeros_like(S)
    for i, it in enumerate(items):
        for c in range(K):
            v, lens = refs[c]
            P[i, c] = percentile(S[i, c], np.sort(v[comparable(lens, len(it['ids']))]))
    return items, S, P


def half_auc(D, items, P, h):
    comms = [c for c in range(D['K']) if c % 2 == h]
    own = np.array([it['c'] for it in items])
    m = np.isin(own, comms)
    sub = P[m][:, comms]
    o = np.array([comms.index(c) for c in own[m]])
    so = sub[np.arange(len(o)), o][:, None]
    eq = (sub == so).sum(1) - 1
    return (((so > sub).sum(1) + 0.5 * eq) / (len(comms) - 1)).mean()


def row(D, name, bg, k=1.0):
    items, S, P = scores(D, bg, k)
    own = np.array([it['c'] for it in items])
    raw_top1, raw_auc, _ = fc.evaluate(D, S, items)
    p_top1, p_auc, _ = fc.evaluate(D, P, items)
    profile = np.mean([auc(P[own == c, c], P[own != c, c]) for c in range(D['K'])])
    print(f'| {name} | {raw_auc:.3f} / {raw_top1:.3f} | {p_auc:.3f} / {p_top1:.3f} | {profile:.3f} | {half_auc(D, items, P, 0):.3f} | {half_auc(D, items, P, 1):.3f} |', flush=True)
    return items, S, P


def background(D, raw, share):
    t = D['bgTotals']
    spoken = (raw[:, 0] + 0.5) / (t['spoken'] + 0.5 * t['size'])
    written = (raw[:, 1] + 0.5) / (t['written'] + 0.5 * t['size'])
    return (1 - share) * spoken + share * written


def misses(D, items, S, P):
    """Where the percentile loses what the raw measure gets right."""
    comms = D['comms']
    own = np.array([it['c'] for it in items])
    raw_win, p_win = S.argmax(1), P.argmax(1)
    lost = [(i, p_win[i]) for i in range(len(items)) if raw_win[i] == own[i] and p_win[i] != own[i]]
    counts = {}
    for _, w in lost:
        counts[comms[w]] = counts.get(comms[w], 0) + 1
    print(f'\nPlaced first by the raw measure, not by the percentile: {len(lost)} of {len(items)}; taken by', ', '.join(f'{c} {n}' for c, n in sorted(counts.items(), key=lambda x: -x[1])[:6]))
    print('own percentile of those, deciles 1/5/9:', np.percentile([P[i, own[i]] for i, _ in lost], [10, 50, 90]).round(1), '; the winner\'s:', np.percentile([P[i, w] for i, w in lost], [10, 50, 90]).round(1))
    lens = np.array([len(it['ids']) for it in items])
    for lo, hi in [(0, 40), (40, 100), (100, 300), (300, 10 ** 9)]:
        m = (lens >= lo) & (lens < hi)
        print(f'  {lo}-{hi if hi < 10 ** 9 else ""} words: {m.sum()} items, top-1 raw {(raw_win[m] == own[m]).mean():.3f}, percentile {(p_win[m] == own[m]).mean():.3f}')


def load_registers(path):
    """The dump (fit_ceiling.load) with the background's totals, and each stem's counts in its two registers."""
    D = fc.load(path)
    with open(path) as f:
        dump = json.load(f)
    D['bgTotals'] = dump['bgTotals']
    return D, np.array([dump['bgCounts'][s] for s in D['vocab']], dtype=float)


def main():
    path = sys.argv[1]
    other = sys.argv[sys.argv.index('--other') + 1] if '--other' in sys.argv else None
    D, raw = load_registers(path)
    print('| background | raw AUC / top-1 | percentile AUC / top-1 | AUC per profile | percentile AUC, half A | half B |')
    print('|---|---|---|---|---|---|')
    shipped = None
    for share in (0, 0.25, 0.5, 0.75, 1):
        r = row(D, f'written share {share}', background(D, raw, share))
        if share == 0.5:
            shipped = r
    row(D, 'written share 0.5, Witten-Bell weight 2T', background(D, raw, 0.5), k=2)
    if other:
        with open(other) as f:
            o = json.load(f)
        pooled = {}
        for cc in o['counts']:
            for s, n in cc['words'].items():
                pooled[s] = pooled.get(s, 0) + n
        total = sum(pooled.values())
        po = np.array([pooled.get(s, 0) for s in D['vocab']], dtype=float)
        row(D, 'the other data set pooled, half and half with share 0.5', 0.5 * (po + 0.5) / (total + 0.5 * len(po)) + 0.5 * background(D, raw, 0.5))
    own = D['C'].sum(0)
    row(D, 'this data set\'s training communities pooled, half and half (ceiling)', 0.5 * (own + 0.5) / (own.sum() + 0.5 * len(own)) + 0.5 * background(D, raw, 0.5))
    misses(D, *shipped)


if __name__ == '__main__':
    main()
