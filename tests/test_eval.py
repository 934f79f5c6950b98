import json
import subprocess
import sys
from pathlib import Path

from geo.evaluate import score

FIXTURES = Path(__file__).parent / 'fixtures'


def test_score_counts_overlaps_traps_and_distances():
    gold = [{'id': 'd', 'text': 'x' * 40,
             'toponyms': [{'start': 0, 'end': 5, 'lat': 10.0, 'lon': 10.0},
                          {'start': 10, 'end': 15, 'lat': 0.0, 'lon': 0.0, 'tolerance_km': 50}],
             'not_toponyms': [{'start': 20, 'end': 25}], 'optional': [{'start': 30, 'end': 35}]}]
    pred = {'d': [{'start': 1, 'end': 5, 'lat': 10.0, 'lon': 10.5},     # overlap, 55 km away
                  {'start': 20, 'end': 24, 'lat': 1.0, 'lon': 1.0},     # a trap
                  {'start': 31, 'end': 33, 'lat': 1.0, 'lon': 1.0}]}    # optional: ignored
    res, shown = score(gold, pred)
    assert res['predicted'] == 2 and res['traps'] == 1
    assert res['overlap_p'] == 0.5 and res['overlap_r'] == 0.5 and res['strict_p'] == 0.0
    assert res['resolved'] == 1 and res['acc161'] == 1.0 and res['acc_tol'] == 0.0
    assert res['e2e_acc161'] == 0.5
    assert any('MISSED' in s for s in shown) and any('SPURIOUS' in s for s in shown)


def test_geo_eval_on_a_tiny_gold_file(geo_env):
    p = subprocess.run([sys.executable, '-m', 'geo.cli', 'eval', str(FIXTURES / 'gold-mini.jsonl'), '--json'],
                       capture_output=True, text=True, env=geo_env, timeout=120)
    assert p.returncode == 0, p.stderr
    res = json.loads(p.stdout.strip().splitlines()[-1])
    assert res['docs'] == 2 and res['gold'] == 4
    assert res['traps'] == 0
    assert res['overlap_r'] >= 0.75 and res['e2e_acc161'] >= 0.75
