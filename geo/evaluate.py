"""`geo eval GOLD.jsonl`: run the parser on a gold file and print the standard geoparsing metrics.

Gold: one JSON document per line with id, text, toponyms [{start, end, text, lat, lon,
tolerance_km?, geonameid?}], optional not_toponyms [{start, end}] (false friends) and optional
[{start, end}] spans (neither credited nor penalised).  The metrics follow the usual
definitions (Gritta et al. 2019 for AUC):

  recognition  strict P/R/F1 (same start and end) and overlap P/R/F1 (spans share a character);
               traps: predicted spans that overlap a false friend
  resolution   over recognised gold toponyms with coordinates: acc@161km, acc@tolerance
               (tolerance_km, else 10 km), median error, AUC of the log error
  end-to-end   acc@161km over all gold toponyms with coordinates (missed ones count as wrong)
A prediction with the gold's GeoNames id counts as 0 km away."""
from __future__ import annotations

import json
import math
import statistics
import sys
from pathlib import Path

from gazetteer.geodesy import km

from .errors import InputError
from .settings import ParseSettings, open_geoparser

MAX_ERR_KM = 20039.0


def _overlap(a, b) -> bool:
    return a['start'] < b['end'] and b['start'] < a['end']


def _f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def load_gold(path: Path) -> list[dict]:
    try:
        raw = path.read_text(encoding='utf-8')
    except OSError as e:
        raise InputError(f'{path}: cannot read ({e.strerror})') from None
    except UnicodeDecodeError:
        raise InputError(f'{path}: not UTF-8 text') from None
    docs = []
    for n, line in enumerate(raw.split('\n'), start=1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f'{path}:{n}: not valid JSON ({e.msg})') from None
        if not isinstance(d, dict) or not isinstance(d.get('text'), str) or 'id' not in d:
            raise InputError(f'{path}:{n}: a gold document needs "id", "text" and "toponyms"')
        docs.append(d)
    if not docs:
        raise InputError(f'{path}: no documents')
    return docs


def score(gold: list[dict], pred: dict[str, list[dict]]) -> tuple[dict, list[str]]:
    """Metrics for predictions {doc id: toponyms}; also a list of error lines."""
    n_gold = n_pred = strict = tp_pred = tp_gold = traps = 0
    errors, tol_ok, e2e_n, e2e_ok = [], 0, 0, 0
    shown = []
    for g in gold:
        opt = g.get('optional', [])
        pt = [x for x in pred.get(str(g['id']), []) if not any(_overlap(x, o) for o in opt)]
        gt = g.get('toponyms', [])
        n_gold += len(gt)
        n_pred += len(pt)
        spans = {(x['start'], x['end']) for x in gt}
        strict += sum(1 for x in pt if (x['start'], x['end']) in spans)
        tp_pred += sum(1 for x in pt if any(_overlap(x, y) for y in gt))
        traps += sum(1 for x in pt if any(_overlap(x, t) for t in g.get('not_toponyms', [])))
        for y in gt:
            hits = [x for x in pt if _overlap(x, y)]
            tp_gold += bool(hits)
            if y.get('lat') is None:
                continue
            e2e_n += 1
            located = [x for x in hits if x.get('lat') is not None]
            if not located:
                shown.append(f"{g['id']}: MISSED {y.get('text', '')!r} @{y['start']}")
                continue
            x = max(located, key=lambda x: (x['start'] == y['start'],
                                            min(x['end'], y['end']) - max(x['start'], y['start'])))
            same = y.get('geonameid') and x.get('geonameid') and int(y['geonameid']) == int(x['geonameid'])
            err = 0.0 if same else km(y['lat'], y['lon'], x['lat'], x['lon'])
            errors.append(err)
            e2e_ok += err <= 161
            tol_ok += err <= y.get('tolerance_km', 10)
            if err > y.get('tolerance_km', 10):
                shown.append(f"{g['id']}: FAR {y.get('text', '')!r} @{y['start']} err={err:.0f} km")
        for x in pt:
            if not any(_overlap(x, y) for y in gt):
                shown.append(f"{g['id']}: SPURIOUS {x.get('text', '')!r} @{x['start']}")
    sp, sr = (strict / n_pred if n_pred else 0.0), (strict / n_gold if n_gold else 0.0)
    op, orr = (tp_pred / n_pred if n_pred else 0.0), (tp_gold / n_gold if n_gold else 0.0)
    n = len(errors)
    return {
        'docs': len(gold), 'gold': n_gold, 'predicted': n_pred,
        'strict_p': sp, 'strict_r': sr, 'strict_f1': _f1(sp, sr),
        'overlap_p': op, 'overlap_r': orr, 'overlap_f1': _f1(op, orr), 'traps': traps, 'resolved': n,
        'acc161': sum(1 for e in errors if e <= 161) / n if n else 0.0, 'acc_tol': tol_ok / n if n else 0.0,
        'median_km': statistics.median(errors) if n else None,
        'auc': sum(math.log1p(e) / math.log1p(MAX_ERR_KM) for e in errors) / n if n else None,
        'e2e_acc161': e2e_ok / e2e_n if e2e_n else 0.0,
    }, shown


def run_eval(settings: ParseSettings, gold_path: Path, show_errors: bool = False, as_json: bool = False,
             progress=None) -> int:
    """`geo eval`: parse the gold documents with these settings and print the metrics (as one
    JSON line with as_json), after the error lines with show_errors.  progress: see
    geo.settings.open_geoparser."""
    from .export.jsonl import toponyms

    gold = load_gold(gold_path)
    gp = open_geoparser(settings, progress=progress)
    pred = {str(g['id']): toponyms(gp.parse(g['text'], str(g['id']), lang=settings.lang)) for g in gold}
    res, shown = score(gold, pred)
    if show_errors:
        for line in shown:
            print(line)
    if as_json:
        print(json.dumps(res))
        return 0
    fmt = lambda v: '-' if v is None else (f'{v:.3f}' if isinstance(v, float) else str(v))  # noqa: E731
    print(f"docs {res['docs']}  gold {res['gold']}  predicted {res['predicted']}")
    print(f"recognition strict  P {fmt(res['strict_p'])} R {fmt(res['strict_r'])} F1 {fmt(res['strict_f1'])}")
    print(f"recognition overlap P {fmt(res['overlap_p'])} R {fmt(res['overlap_r'])} F1 {fmt(res['overlap_f1'])}  "
          f"traps hit {res['traps']}")
    print(f"resolution  n {res['resolved']}  acc@161km {fmt(res['acc161'])}  acc@tolerance {fmt(res['acc_tol'])}  "
          f"median km {fmt(res['median_km'])}  AUC {fmt(res['auc'])}")
    print(f"end-to-end acc@161km {fmt(res['e2e_acc161'])}")
    sys.stdout.flush()
    return 0
