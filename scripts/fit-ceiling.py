#!/usr/bin/env python3
"""Community fit: variants of the per-community language model and a discriminative ceiling, on the split of
scripts/eval.ts (dumped by scripts/fit-dump.ts). numpy only; deterministic.

    npx tsx scripts/fit-dump.ts reddit /tmp/reddit.json
    python3 scripts/fit-ceiling.py /tmp/reddit.json [--variants] [--ceiling] [--errors]

--variants  top-1 / same-item AUC / close pairs of language-model variants that a single community's profile can
            compute (it sees its own counts and general English only).
--ceiling   a multinomial logistic regression trained on all communities jointly (it sees every community) and the
            add-1 LLR against the pooled communities. A per-community model ranks one item by P(text | community)
            whatever its reference model, so it cannot learn what separates two communities; these can.
--errors    what the misses of the product's measure are: close-pair confusions, near-duplicates of a training item
            of another community, accuracy by length.
With no flag: --variants and --ceiling. Figures and their reading: EVALUATION.md.
"""
import json
import sys
import numpy as np

CLOSE = [('relationships', 'relationship_advice'), ('TalesFromRetail', 'talesfromtechsupport'),
         ('personalfinance', 'investing'), ('learnprogramming', 'cscareerquestions'), ('Fitness', 'loseit')]


def load(path):
    with open(path) as f:
        d = json.load(f)
    comms = d['communities']
    K = len(comms)
    vocab = sorted(d['bgProb'])
    idx = {s: i for i, s in enumerate(vocab)}
    V = len(vocab)
    C = np.zeros((K, V))
    DF = np.zeros((K, V))
    for k, cc in enumerate(d['counts']):
        for s, n in cc['words'].items():
            C[k, idx[s]] = n
        for s, n in cc['items'].items():
            DF[k, idx[s]] = n
    N = np.array([cc['tokens'] for cc in d['counts']], dtype=float)
    bg = np.array([d['bgProb'][s] for s in vocab])
    content = np.array([d['content'][s] for s in vocab])
    docs = d['docs']
    for doc in docs:
        ids = np.array([idx[s] for s in doc['stems']], dtype=np.int64)
        u, cnt = np.unique(ids, return_counts=True) if len(ids) else (ids, ids)
        doc['u'] = u
        doc['n'] = cnt.astype(float)
        doc['ids'] = ids
    return dict(comms=comms, K=K, V=V, vocab=vocab, idx=idx, C=C, DF=DF, N=N, bg=bg, content=content, docs=docs)


def evaluate(D, S, items):
    """S: items x K scores. Returns top-1 (ties split), same-item AUC, close-pair rates."""
    K = D['K']
    own = np.array([it['c'] for it in items])
    so = S[np.arange(len(items)), own][:, None]
    gt = (S > so).sum(1)
    eq = (S == so).sum(1) - 1
    top1 = np.where(gt == 0, 1.0 / (eq + 1), 0.0).mean()
    beat = ((so > S).sum(1) + 0.5 * eq) / (K - 1)
    pairs = {}
    for a, b in CLOSE:
        if a not in D['comms']:
            continue
        ia, ib = D['comms'].index(a), D['comms'].index(b)
        m = (own == ia) | (own == ib)
        other = np.where(own == ia, ib, ia)
        s_own = S[np.arange(len(items)), own]
        s_oth = S[np.arange(len(items)), other]
        pairs[a[:6] + '/' + b[:6]] = (np.where(s_own > s_oth, 1, np.where(s_own == s_oth, .5, 0))[m]).mean()
    return top1, beat.mean(), pairs


def fmt(name, r):
    top1, auc, pairs = r
    ps = ' '.join(f'{v:.3f}' for v in pairs.values())
    return f'| {name} | {top1:.3f} | {auc:.3f} | {ps} |'


# ---------------------------------------------------------------------------------------------------------------
# Per-community language models (what one profile can compute).

def wb_logp(D):
    C, N, bg = D['C'], D['N'], D['bg']
    T = (C > 0).sum(1).astype(float)
    return np.log((C + T[:, None] * bg[None, :]) / (N + T)[:, None])


def score_items(D, items, llr, weight=None, cap=None, tf=None):
    """Mean per-token log ratio. llr: K x V per-stem log ratio; weight: V per-stem weight of a token's evidence;
    tf: a transform of the draft's count of each stem."""
    S = np.zeros((len(items), D['K']))
    for i, it in enumerate(items):
        u, n = it['u'], it['n']
        if len(u) == 0:
            continue
        r = llr[:, u]
        if cap is not None:
            r = np.clip(r, -cap, cap)
        n = tf(n) if tf else n
        w = n if weight is None else n * weight[u]
        S[i] = (r * w).sum(1) / max(w.sum(), 1e-12)
    return S


def wb_from(X, bg):
    T = (X > 0).sum(1).astype(float)
    return np.log((X + T[:, None] * bg[None, :]) / (X.sum(1) + T)[:, None]) - np.log(bg)[None, :]


def content_bigram_scores(D, items, train, mu):
    """Unigram WB log ratio plus, for each adjacent pair of content stems, log P(b | a) / P(b) with P(b | a)
    smoothed toward the community's unigram P(b) by a Dirichlet prior mu (counts from the training items, unpruned)."""
    K, V, content = D['K'], D['V'], D['content']
    wbl = wb_logp(D)
    llr = wbl - np.log(D['bg'])[None, :]
    big = [{} for _ in range(K)]
    left = np.zeros((K, V))
    for d in train:
        ids = d['ids']
        if len(ids) < 2:
            continue
        m = content[ids[:-1]] & content[ids[1:]]
        a, b = ids[:-1][m], ids[1:][m]
        np.add.at(left[d['c']], a, 1)
        bk = big[d['c']]
        for x, y in zip(a.tolist(), b.tolist()):
            bk[(x, y)] = bk.get((x, y), 0) + 1
    Pc = np.exp(wbl)
    S = np.zeros((len(items), K))
    for i, it in enumerate(items):
        ids = it['ids']
        if len(ids) == 0:
            continue
        total = llr[:, ids].sum(1)
        m = content[ids[:-1]] & content[ids[1:]]
        for x, y in zip(ids[:-1][m].tolist(), ids[1:][m].tolist()):
            for k in range(K):
                total[k] += np.log((big[k].get((x, y), 0) + mu * Pc[k, y]) / (left[k, x] + mu)) - wbl[k, y]
        S[i] = total / len(ids)
    return S


def surface_scores(D, items, train):
    """WB over surface forms (lower-cased words) instead of stems; a form's background is its stem's."""
    K, idx, bgs = D['K'], D['idx'], D['bg']
    vocab = {}
    for d in D['docs']:
        for w, st in zip(d['norms'], d['stems']):
            if w not in vocab:
                vocab[w] = (len(vocab), bgs[idx[st]])
    X = np.zeros((K, len(vocab)))
    bg = np.zeros(len(vocab))
    for j, p in vocab.values():
        bg[j] = p
    for d in train:
        np.add.at(X[d['c']], [vocab[w][0] for w in d['norms']], 1)
    llr = wb_from(X, bg)
    S = np.zeros((len(items), K))
    for i, it in enumerate(items):
        ids = [vocab[w][0] for w in it['norms']]
        if ids:
            S[i] = llr[:, ids].mean(1)
    return S


def variants(D):
    items = [d for d in D['docs'] if d['chosen']]
    train = [d for d in D['docs'] if d['fold'] != 0]
    bg = D['bg']
    C, N, DF = D['C'], D['N'], D['DF']
    lbg = np.log(bg)
    wb = wb_logp(D)
    base = wb - lbg[None, :]
    S0 = score_items(D, items, base)
    rows = [('Witten-Bell unigram, mean log ratio per token (product)', S0)]
    # Evidence weights.
    info = -lbg
    rows.append(('weight each token by -log P_bg (informativeness)', score_items(D, items, base, weight=info)))
    rows.append(('weight each token by (-log P_bg)^2', score_items(D, items, base, weight=info ** 2)))
    rows.append(('weight -log P_bg, content stems only', score_items(D, items, base, weight=info * D['content'])))
    for cap in (2.0, 3.0, 4.0):
        rows.append((f'cap each token log ratio at +-{cap:.0f}', score_items(D, items, base, cap=cap)))
    rows.append(('draft counts log(1 + tf)', score_items(D, items, base, tf=np.log1p)))
    # Smoothing.
    T = (C > 0).sum(1).astype(float)
    for mu in (100, 1000, 3000):
        p = (C + mu * np.exp(wb)) / (N + mu)[:, None]
        rows.append((f'two-stage: Dirichlet {mu} over Witten-Bell', score_items(D, items, np.log(p) - lbg[None, :])))
    for lam in (0.1, 0.3, 0.5):
        p = (1 - lam) * np.exp(wb) + lam * bg[None, :]
        rows.append((f'Jelinek-Mercer: {1 - lam:.1f} Witten-Bell + {lam:.1f} general English', score_items(D, items, np.log(p) - lbg[None, :])))
    ps = []
    for k in range(D['K']):
        n1, n2 = (C[k] == 1).sum(), (C[k] == 2).sum()
        dk = n1 / (n1 + 2 * n2)
        ps.append((np.maximum(C[k] - dk, 0) + dk * T[k] * bg) / N[k])
    rows.append(('absolute discounting, d = n1 / (n1 + 2 n2)', score_items(D, items, np.log(np.array(ps)) - lbg[None, :])))
    # Burstiness: item counts instead of (or mixed with) token counts.
    rows.append(('Witten-Bell over sqrt(token count x item count)', score_items(D, items, wb_from(np.sqrt(C * DF), bg))))
    rows.append(('Witten-Bell over token^0.75 x item^0.25', score_items(D, items, wb_from(C ** .75 * DF ** .25, bg))))
    # Per-community normalisation of the measure (all computable from one profile).
    P = np.exp(wb)
    kl = (P * base).sum(1)
    sd = np.sqrt((P * base ** 2).sum(1) - kl ** 2)
    klb = (bg[None, :] * base).sum(1)
    rows.append(('divided by KL(community || general English)', S0 / kl))
    rows.append(('standardised by the community\'s own per-token mean and sd', (S0 - kl) / sd))
    rows.append(('divided by the per-token sd', S0 / sd))
    rows.append(('minus the midpoint of own-text and general-English expectations', S0 - (kl + klb) / 2))
    # Other units of evidence.
    for mu in (10, 100, 1000):
        rows.append((f'+ content-stem bigrams, Dirichlet {mu} toward the unigram', content_bigram_scores(D, items, train, mu)))
    rows.append(('surface forms instead of stems (counts from the training items)', surface_scores(D, items, train)))
    # Per-item transforms of the training counts (Rennie et al. 2003, without the complement class): a profile
    # would have to store these sums instead of raw counts.
    used = [d for d in train if len(d['u'])]
    avg = np.mean([d['n'].sum() for d in used])

    def summed(f):
        X = np.zeros((D['K'], D['V']))
        for d in used:
            X[d['c'], d['u']] += f(d['n'])
        return X
    rows.append(('training counts log(1 + n) per item', score_items(D, items, wb_from(summed(np.log1p), bg))))
    rows.append(('training counts length-normalised per item', score_items(D, items, wb_from(summed(lambda n: n / n.sum() * avg), bg))))
    rows.append(('training counts / sqrt(item length)', score_items(D, items, wb_from(summed(lambda n: n / np.sqrt(n.sum() / avg)), bg))))
    rows.append(('training log(1 + n), unit length per item', score_items(D, items, wb_from(summed(lambda n: np.log1p(n) / np.sqrt((np.log1p(n) ** 2).sum() / avg)), bg))))
    for name, S in rows:
        print(fmt(name, evaluate(D, S, items)))
    return rows


# ---------------------------------------------------------------------------------------------------------------
# Joint (discriminative) ceiling.

def tfidf_rows(docs, idf):
    """Row-sorted sparse matrix of log(1 + tf) x idf, each row scaled to unit length."""
    ptr = np.concatenate([[0], np.cumsum([len(d['u']) for d in docs])])
    ind = np.concatenate([d['u'] for d in docs]).astype(np.int64)
    x = np.concatenate([np.log1p(d['n']) for d in docs]) * idf[ind]
    rows = np.repeat(np.arange(len(docs)), np.diff(ptr))
    norm = np.sqrt(np.bincount(rows, weights=x * x, minlength=len(docs)))
    return ptr, ind, x / np.maximum(norm[rows], 1e-12), rows


def logreg(D, train, test, l2=1e-4, iters=400, lr=0.05):
    """Multinomial logistic regression on tf-idf, full-batch Adam from zero weights (deterministic)."""
    V, K = D['V'], D['K']
    y = np.array([d['c'] for d in train])
    df = np.zeros(V)
    for d in train:
        df[d['u']] += 1
    idf = np.log((len(train) + 1) / (df + 1)) + 1
    ptr, ind, x, rows = tfidf_rows(train, idf)
    # Column order of the nonzeros, for X^T G as one reduceat over feature runs.
    perm = np.argsort(ind, kind='stable')
    ind_p = ind[perm]
    starts = np.flatnonzero(np.r_[True, ind_p[1:] != ind_p[:-1]])
    feats = ind_p[starts]
    W = np.zeros((V, K))
    b = np.zeros(K)
    mW = np.zeros_like(W); vW = np.zeros_like(W); mb = np.zeros_like(b); vb = np.zeros_like(b)
    Y = np.eye(K)[y]
    n = len(train)
    for t in range(1, iters + 1):
        Z = np.add.reduceat(W[ind] * x[:, None], ptr[:-1], axis=0) + b
        Z -= Z.max(1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(1, keepdims=True)
        G = (P - Y) / n
        gW = l2 * W
        gW[feats] += np.add.reduceat(G[rows[perm]] * x[perm][:, None], starts, axis=0)
        gb = G.sum(0)
        for g, m, v, p in ((gW, mW, vW, W), (gb, mb, vb, b)):
            m *= 0.9; m += 0.1 * g
            v *= 0.999; v += 0.001 * g * g
            p -= lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    tp, ti, tx, _ = tfidf_rows(test, idf)
    S = np.zeros((len(test), K)) + b
    nz = np.diff(tp) > 0
    S[nz] = np.add.reduceat(W[ti] * tx[:, None], tp[:-1][nz], axis=0) + b
    return S


def ceiling(D):
    items = [d for d in D['docs'] if d['chosen']]
    train = [d for d in D['docs'] if d['fold'] != 0 and len(d['u'])]
    C, N = D['C'], D['N']
    V = D['V']
    pooled = C.sum(0)
    add1 = np.log((C + 1) / (N + V)[:, None]) - np.log((pooled + 1) / (N.sum() + V))[None, :]
    print(fmt('add-1 LLR vs pooled communities (data README baseline)', evaluate(D, score_items(D, items, add1), items)))
    for l2 in (1e-5, 1e-4):
        S = logreg(D, train, items, l2=l2)
        print(fmt(f'multinomial logistic regression, tf-idf (log tf, l2-normalised), L2 {l2}', evaluate(D, S, items)))


def shingles(stems, n=3):
    return {' '.join(stems[i:i + n]) for i in range(max(1, len(stems) - n + 1))} if stems else set()


def errors(D):
    """Where the product's measure misses: close pairs, near-duplicates across communities, short items."""
    items = [d for d in D['docs'] if d['chosen']]
    train = [d for d in D['docs'] if d['fold'] != 0]
    comms = D['comms']
    S = score_items(D, items, wb_logp(D) - np.log(D['bg'])[None, :])
    own = np.array([it['c'] for it in items])
    top = S.argmax(1)
    miss = top != own
    sib = {}
    for a, b in CLOSE:
        if a in comms:
            sib[comms.index(a)] = comms.index(b)
            sib[comms.index(b)] = comms.index(a)
    to_sib = np.array([sib.get(o) == t for o, t in zip(own, top)])
    # Near-duplicates: Jaccard of word-trigram shingles (stems) with the most similar training item elsewhere.
    post = {}
    tsh = []
    for j, d in enumerate(train):
        sh = shingles(d['stems'])
        tsh.append(sh)
        for g in sh:
            post.setdefault(g, []).append(j)
    best_other = np.zeros(len(items))
    best_own = np.zeros(len(items))
    other_is_sib = np.zeros(len(items), dtype=bool)
    for i, it in enumerate(items):
        sh = shingles(it['stems'])
        cand = {}
        for g in sh:
            for j in post.get(g, ()):
                cand[j] = cand.get(j, 0) + 1
        for j, inter in cand.items():
            jac = inter / (len(sh) + len(tsh[j]) - inter)
            if train[j]['c'] == it['c']:
                best_own[i] = max(best_own[i], jac)
            elif jac > best_other[i]:
                best_other[i] = jac
                other_is_sib[i] = sib.get(it['c']) == train[j]['c']
    ntok = np.array([len(it['stems']) for it in items])
    n = len(items)
    print(f'items {n}, misses {miss.sum()} (top-1 {1 - miss.mean():.3f}, argmax ties not split)')
    print(f'misses whose top community is the close sibling: {(miss & to_sib).sum()} '
          f'({(miss & to_sib).sum() / miss.sum():.0%} of misses); items in close-pair communities: {np.isin(own, list(sib)).sum()}')
    if 'relationships' in comms:
        rel = {comms.index('relationships'), comms.index('relationship_advice')}
        rel_miss = np.array([o in rel and t in rel for o, t in zip(own, top)]) & miss
        print(f'top-1 if relationships / relationship_advice counted as one community: {1 - (miss & ~rel_miss).mean():.3f}; '
              f'if every close pair counted as one: {1 - (miss & ~to_sib).mean():.3f}')
    for th in (0.5, 0.8):
        dup = best_other >= th
        print(f'near-duplicate (trigram Jaccard >= {th}) of a training item of ANOTHER community: {dup.sum()} items '
              f'({(dup & other_is_sib).sum()} of them the close sibling), of which missed {(dup & miss).sum()}; '
              f'of its OWN community: {(best_own >= th).sum()}')
    for lo, hi in ((0, 15), (15, 40), (40, 100), (100, 300), (300, 10 ** 9)):
        m = (ntok >= lo) & (ntok < hi)
        if m.any():
            print(f'words {lo}-{hi if hi < 10 ** 9 else "..."}: {m.sum()} items, top-1 {1 - miss[m].mean():.3f}, '
                  f'{(miss & m).sum()} misses ({(miss & m & to_sib).sum()} to the sibling)')
    # Margin: how decided the misses were (own score's gap to the top, in mean log ratio per word).
    gap = S.max(1) - S[np.arange(n), own]
    print(f'misses with own community second: {(miss & ((S > S[np.arange(n), own][:, None]).sum(1) == 1)).sum()}; '
          f'median gap of misses {np.median(gap[miss]):.3f} nats/word')
    conf = {}
    for o, t in zip(own[miss], top[miss]):
        conf[(comms[o], comms[t])] = conf.get((comms[o], comms[t]), 0) + 1
    print('most frequent confusions (own -> chosen):', ', '.join(f'{a}->{b} {k}' for (a, b), k in sorted(conf.items(), key=lambda x: -x[1])[:10]))


def main():
    D = load(sys.argv[1])
    flags = set(sys.argv[2:]) or {'--variants', '--ceiling'}
    print('| variant | top-1 | AUC same item | close pairs |')
    print('|---|---|---|---|')
    if '--variants' in flags:
        variants(D)
    if '--ceiling' in flags:
        ceiling(D)
    if '--errors' in flags:
        errors(D)


if __name__ == '__main__':
    main()
