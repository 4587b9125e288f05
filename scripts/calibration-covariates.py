#!/usr/bin/env python3
"""Which of a community's own items should a draft's language measure be compared with? A replica of the language
percentile on the split of scripts/eval.ts (dumped by scripts/fit-dump.ts), comparing the product's rule (the
items nearest in length) with the items nearest in length *and* in how common their words are in general English
(mean -ln P_bg per token, "rarity"). numpy only; deterministic.

    npx tsx scripts/fit-dump.ts reddit /tmp/reddit.json
    python3 scripts/calibration-covariates.py /tmp/reddit.json

The replica leaves each reference item's own counts out of the model (the product leaves out its whole thread, which
differs on Stack Exchange, where answers share a question) and takes the 50 nearest items (the product widens a
length window to 50 items). Prints top-1 and same-item AUC over all communities and over the even- and odd-indexed
halves, and the median own percentile of long held-out posts (100+ words) per community. Figures: EVALUATION.md.
"""
import importlib.util
import math
import os
import sys
import numpy as np

spec = importlib.util.spec_from_file_location('fit_ceiling', os.path.join(os.path.dirname(__file__), 'fit-ceiling.py'))
fc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fc)

NEAREST = 50
LONG_WORDS = 100


def log_normal_cdf(z):
    if z < -30:
        return -0.5 * z * z - math.log(-z) - 0.5 * math.log(2 * math.pi)
    return math.log(0.5 * math.erfc(-z / math.sqrt(2)))


def fractional_percentile(v, refs):
    """The product's fractionalPercentile (src/analyzers/calibrate.ts): mid-ranks, normal tails beyond the ends."""
    s = np.sort(refs)
    n = len(s)
    mean, sd = s.mean(), s.std()
    tail = 100 * 0.5 / n
    if v < s[0]:
        return tail * math.exp(log_normal_cdf((v - mean) / sd) - log_normal_cdf((s[0] - mean) / sd)) if sd > 0 else 0.0
    if v > s[-1]:
        return 100 - tail * math.exp(log_normal_cdf((mean - v) / sd) - log_normal_cdf((mean - s[-1]) / sd)) if sd > 0 else 100.0
    return 100 * (np.searchsorted(s, v, 'left') + np.searchsorted(s, v, 'right')) / 2 / n


def main(path):
    D = fc.load(path)
    K, C, N, bg = D['K'], D['C'], D['N'], D['bg']
    T = (C > 0).sum(1).astype(float)
    logbg = np.log(bg)

    def raw(k, doc, leave=False):
        u, n = doc['u'], doc['n']
        c, Nk, Tk = C[k, u], N[k], T[k]
        if leave:
            c = np.maximum(0, c - n)
            Nk = Nk - n.sum()
            Tk = Tk - ((C[k, u] > 0) & (c <= 0)).sum()
        r = np.log((c + Tk * bg[u]) / (Nk + Tk)) - logbg[u]
        return float((r * n).sum() / n.sum())

    def rarity(doc):
        return float((-logbg[doc['u']] * doc['n']).sum() / doc['n'].sum())

    docs = [d for d in D['docs'] if len(d['u'])]
    held = [d for d in docs if d['chosen']]
    refs = []
    for k in range(K):
        train = [d for d in docs if d['c'] == k and d['fold'] != 0]
        refs.append((np.log([d['n'].sum() for d in train]), np.array([rarity(d) for d in train]), np.array([raw(k, d, True) for d in train])))
    X = np.array([[raw(k, d) for k in range(K)] for d in held])
    own = np.array([d['c'] for d in held])
    words = np.array([d['n'].sum() for d in held])

    def scores(weight):
        S = np.zeros_like(X)
        for i, d in enumerate(held):
            l, r = math.log(d['n'].sum()), rarity(d)
            for k in range(K):
                lL, R, V = refs[k]
                dist = np.sqrt((lL - l) ** 2 + (weight * (R - r)) ** 2)
                S[i, k] = fractional_percentile(X[i, k], V[np.argsort(dist, kind='stable')[:NEAREST]])
        return S

    def summary(S, comms):
        m = np.isin(own, comms)
        sub = S[m][:, comms]
        o = np.array([comms.index(c) for c in own[m]])
        so = sub[np.arange(len(o)), o][:, None]
        gt, eq = (sub > so).sum(1), (sub == so).sum(1) - 1
        top1 = np.where(gt == 0, 1.0 / (eq + 1), 0.0).mean()
        auc = (((so > sub).sum(1) + 0.5 * eq) / (len(comms) - 1)).mean()
        meds = [float(np.median(so[(o == j) & (words[m] >= LONG_WORDS), 0])) for j in range(len(comms))]
        return top1, auc, meds

    halves = {'all': list(range(K)), 'even': list(range(0, K, 2)), 'odd': list(range(1, K, 2))}
    print(f'{os.path.basename(path)}: {K} communities, {len(held)} held-out items')
    print('| comparison | communities | top-1 | same-item AUC | long-post median own percentile: lowest-highest |')
    print('|---|---|---|---|---|')
    for name, weight in [('nearest in length', 0.0), ('nearest in length and rarity (1 nat = factor e in length)', 1.0), ('the same, rarity weighted 2', 2.0), ('the same, rarity weighted 4', 4.0)]:
        S = scores(weight)
        for h, comms in halves.items():
            top1, auc, meds = summary(S, comms)
            print(f'| {name} | {h} | {top1:.3f} | {auc:.3f} | {min(meds):.0f}-{max(meds):.0f} |')


if __name__ == '__main__':
    main(sys.argv[1])
