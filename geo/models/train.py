"""Train the recognition scorer: one logistic regression per language over the features of
geo/recognize/features.py, on the development splits of the evaluation corpora.

    .venv/bin/python -m geo.models.train [--shared ../shared] [--lang ar|en|all]

Candidate spans come from the real recogniser (every span that passes the hard filters); a
span is a positive when it overlaps a gold toponym, a negative when it overlaps none (spans that
overlap an `optional` gold span are left out).  Each corpus weighs the same in the loss.  The
report compares, on held-out documents (grouped k-fold), the soft rules against the model, and
picks the probability threshold that maximises the mean F1 over the corpora.  The fitted
weights go to geo/models/recognizer-LANG.json with the corpora credited.

Training data (development splits, not shipped): IDRISI-D and IDRISI-R Arabic (CC BY 4.0,
Mahmoud et al.), Arabic conflict news annotated by the geo-textmap team on ANT corpus and
SaudiNewsNet articles, Arabic news of every section (ANT corpus) annotated the same way, GeoWebNews (Gritta et al. 2019), LGL (Lieberman et al. 2010), TR-News
(Kamalloo & Rafiei 2018)."""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np

CORPORA = {'ar': ('arnews', 'arnews_wide', 'idrisi_d_ar', 'idrisi_r_ar'), 'en': ('geowebnews', 'lgl', 'trnews')}
# How much each corpus weighs in the loss and in the choice of threshold (Arabic news is what the
# product is for; the tweet corpora are larger but of another genre).
WEIGHTS = {'arnews': 2.0, 'arnews_wide': 2.0, 'idrisi_d_ar': 1.0, 'idrisi_r_ar': 1.0, 'geowebnews': 1.0, 'lgl': 1.0, 'trnews': 1.0}
CREDITS = {
    'arnews': 'Arabic conflict news (ANT corpus, SaudiNewsNet), annotated by the geo-textmap team',
    'arnews_wide': 'Arabic news of every section (ANT corpus), annotated by the geo-textmap team',
    'idrisi_d_ar': 'IDRISI-D Arabic (CC BY 4.0)', 'idrisi_r_ar': 'IDRISI-R Arabic (CC BY 4.0)',
    'geowebnews': 'GeoWebNews (Gritta et al. 2019)', 'lgl': 'LGL (Lieberman et al. 2010)',
    'trnews': 'TR-News (Kamalloo and Rafiei 2018)',
}


def overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def collect(lang: str, shared: Path, geoparser) -> list[dict]:
    """One record per document: candidate features, labels, gold spans, rule verdicts."""
    from geo.recognize.features import span_features
    from geo.recognize.rules import SOFT

    docs = []
    for corpus in CORPORA[lang]:
        path = shared / 'eval' / f'{corpus}.dev.jsonl'
        if not path.exists():
            print(f'skip {corpus}: {path} not found', file=sys.stderr)
            continue
        for line in path.read_text(encoding='utf-8').split('\n'):
            if not line.strip():
                continue
            d = json.loads(line)
            doc = geoparser.run(d['text'], lang=lang, until='filters')   # every span the hard rules let through
            gold = [(t['start'], t['end']) for t in d.get('toponyms', [])]
            optional = [(t['start'], t['end']) for t in d.get('optional', [])]
            rows = []
            for s in doc.spans:
                sp = (s.start, s.end)
                if s.dropped or any(overlaps(sp, o) for o in optional):
                    continue
                rows.append({'span': sp, 'x': span_features(s, doc), 'y': int(any(overlaps(sp, g) for g in gold)),
                             'rules': int(not any(f(s, doc) for f in SOFT))})
            docs.append({'corpus': corpus, 'id': d['id'], 'gold': gold, 'cands': rows})
    return docs


def fit(X: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = 1.0) -> np.ndarray:
    """L2-regularised weighted logistic regression (the last column is the intercept, unpenalised)."""
    from scipy.optimize import minimize

    def loss(beta):
        z = X @ beta
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        ll = -(w * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))).sum()
        reg = 0.5 * l2 * (beta[:-1] ** 2).sum()
        grad = X.T @ (w * (p - y))
        grad[:-1] += l2 * beta[:-1]
        return ll + reg, grad

    res = minimize(loss, np.zeros(X.shape[1]), jac=True, method='L-BFGS-B', options={'maxiter': 2000})
    return res.x


def matrix(docs, names):
    rows = [c for d in docs for c in d['cands']]
    X = np.array([[c['x'].get(n, 0.0) for n in names] + [1.0] for c in rows], dtype=float)
    y = np.array([c['y'] for c in rows], dtype=float)
    per = {}
    for d in docs:
        per[d['corpus']] = per.get(d['corpus'], 0) + len(d['cands'])
    w = np.array([WEIGHTS[d['corpus']] / per[d['corpus']] for d in docs for _ in d['cands']]) * len(rows) / max(1, len(per))
    return X, y, w


def f1_overlap(docs, keep) -> dict[str, float]:
    """Overlap P/R/F1 per corpus, as the evaluation scorer counts them, for a keep(candidate) rule."""
    out = {}
    for corpus in sorted({d['corpus'] for d in docs}):
        tp_p = n_p = tp_g = n_g = 0
        for d in docs:
            if d['corpus'] != corpus:
                continue
            pred = [c['span'] for c in d['cands'] if keep(c)]
            n_p += len(pred)
            tp_p += sum(1 for p in pred if any(overlaps(p, g) for g in d['gold']))
            n_g += len(d['gold'])
            tp_g += sum(1 for g in d['gold'] if any(overlaps(p, g) for p in pred))
        p, r = (tp_p / n_p if n_p else 0.0), (tp_g / n_g if n_g else 0.0)
        out[corpus] = 2 * p * r / (p + r) if p + r else 0.0
    return out


def _weighted(f1: dict[str, float]) -> float:
    return sum(WEIGHTS[c] * v for c, v in f1.items()) / sum(WEIGHTS[c] for c in f1)


def train(lang: str, shared: Path, folds: int, out_dir: Path, l2: float) -> dict:
    from geo.pipeline import Geoparser

    t0 = time.time()
    from geo.recognize.features import FEATURE_VERSION, FEATURES

    docs = collect(lang, shared, Geoparser(use_model=False))
    names = sorted({k for d in docs for c in d['cands'] for k in c['x']})
    unknown = set(names) - set(FEATURES)
    if unknown:
        raise SystemExit(f'features missing from geo.recognize.features.FEATURES: {", ".join(sorted(unknown))}')
    random.Random(7).shuffle(docs)
    fold_of = {id(d): i % folds for i, d in enumerate(docs)}
    probs: dict[int, float] = {}
    for k in range(folds):
        tr = [d for d in docs if fold_of[id(d)] != k]
        te = [d for d in docs if fold_of[id(d)] == k]
        beta = fit(*matrix(tr, names), l2=l2)
        X, _, _ = matrix(te, names)
        p = 1.0 / (1.0 + np.exp(-np.clip(X @ beta, -30, 30)))
        for c, pi in zip((c for d in te for c in d['cands']), p):
            probs[id(c)] = float(pi)
    rules = f1_overlap(docs, lambda c: c['rules'])
    best_t, best = 0.5, None
    for t in np.arange(0.2, 0.81, 0.025):
        got = f1_overlap(docs, lambda c, t=t: probs[id(c)] >= t)
        if best is None or _weighted(got) > _weighted(best):
            best_t, best = float(t), got
    beta = fit(*matrix(docs, names), l2=l2)
    model = {
        'lang': lang, 'kind': 'logistic-regression', 'threshold': round(best_t, 3),
        'weights': {n: round(float(b), 5) for n, b in zip(names, beta[:-1])} | {'__intercept__': round(float(beta[-1]), 5)},
        'feature_version': FEATURE_VERSION, 'features': list(FEATURES),
        'trained_on': {c: CREDITS[c] for c in sorted({d['corpus'] for d in docs})},
        'candidates': sum(len(d['cands']) for d in docs), 'documents': len(docs),
        'heldout_f1': {'rules': {k: round(v, 4) for k, v in rules.items()},
                       'model': {k: round(v, 4) for k, v in best.items()}, 'folds': folds},
        'l2': l2, 'seconds': round(time.time() - t0, 1),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f'recognizer-{lang}.json').write_text(json.dumps(model, ensure_ascii=False, indent=1) + '\n', encoding='utf-8')
    return model


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--shared', type=Path, default=Path(__file__).resolve().parents[3] / 'shared')
    ap.add_argument('--lang', choices=('ar', 'en', 'all'), default='all')
    ap.add_argument('--folds', type=int, default=5)
    ap.add_argument('--l2', type=float, default=1.0)
    ap.add_argument('--out', type=Path, default=Path(__file__).resolve().parent)
    args = ap.parse_args(argv)
    if not (args.shared / 'eval').is_dir():
        print(f'{args.shared}/eval: the development splits are not here', file=sys.stderr)
        return 2
    for lang in (('ar', 'en') if args.lang == 'all' else (args.lang,)):
        m = train(lang, args.shared, args.folds, args.out, args.l2)
        print(f"{lang}: {m['documents']} documents, {m['candidates']} candidates, threshold {m['threshold']}, "
              f"{m['seconds']} s")
        for corpus in m['heldout_f1']['rules']:
            print(f"  {corpus:<12} held-out overlap F1  rules {m['heldout_f1']['rules'][corpus]:.3f}  "
                  f"model {m['heldout_f1']['model'][corpus]:.3f}")
    return 0


if __name__ == '__main__':
    sys.exit(main())
