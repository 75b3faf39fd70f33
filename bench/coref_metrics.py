"""Coreference cluster metrics over documents: MUC, B-cubed, CEAF-e and their mean, the CoNLL F1.

Both arguments map a document id to a cluster label; documents missing from ``pred`` are
singletons (as the reference scorer treats them).
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from scipy.optimize import linear_sum_assignment


def _clusters(labels: dict[str, object], docs) -> list[set[str]]:
    out: dict[object, set[str]] = defaultdict(set)
    for d in docs:
        out[labels.get(d, ("single", d))].add(d)
    return list(out.values())


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def muc(key: list[set[str]], resp: list[set[str]]) -> tuple[float, float, float]:
    def score(a, b):
        where = {d: i for i, c in enumerate(b) for d in c}
        num = sum(len(c) - len({where[d] for d in c}) for c in a)
        den = sum(len(c) - 1 for c in a)
        return num / den if den else 0.0
    r, p = score(key, resp), score(resp, key)
    return p, r, _f(p, r)


def bcubed(key: list[set[str]], resp: list[set[str]]) -> tuple[float, float, float]:
    kw = {d: c for c in key for d in c}
    rw = {d: c for c in resp for d in c}
    n = len(kw)
    p = sum(len(rw[d] & kw[d]) / len(rw[d]) for d in kw) / n
    r = sum(len(rw[d] & kw[d]) / len(kw[d]) for d in kw) / n
    return p, r, _f(p, r)


def ceaf_e(key: list[set[str]], resp: list[set[str]]) -> tuple[float, float, float]:
    where = defaultdict(list)
    for j, c in enumerate(resp):
        for d in c:
            where[d].append(j)
    sim = np.zeros((len(key), len(resp)))
    for i, c in enumerate(key):
        for d in c:
            for j in where[d]:
                sim[i, j] += 1
    rows, cols = np.nonzero(sim)
    for i, j in zip(rows, cols):
        sim[i, j] = 2 * sim[i, j] / (len(key[i]) + len(resp[j]))
    ri, ci = linear_sum_assignment(sim, maximize=True)
    total = sim[ri, ci].sum()
    p, r = total / len(resp), total / len(key)
    return p, r, _f(p, r)


def conll(pred: dict[str, object], gold: dict[str, object]) -> dict[str, float]:
    docs = list(gold)
    key, resp = _clusters(gold, docs), _clusters(pred, docs)
    m, b, c = muc(key, resp)[2], bcubed(key, resp)[2], ceaf_e(key, resp)[2]
    return {"muc_f1": round(m, 3), "bcubed_f1": round(b, 3), "ceafe_f1": round(c, 3),
            "conll_f1": round((m + b + c) / 3, 3)}
