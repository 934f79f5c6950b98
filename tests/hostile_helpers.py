"""What the hostile-input tests share: the real `geo` command, and checks of its answers."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

GEO = [sys.executable, '-m', 'geo.cli']

AR = 'قصفت الطائرات مدينة حلب، ثم وصل الوفد إلى الموصل قادماً من أربيل.'
AR_PLACES = ['حلب', 'الموصل', 'أربيل']
EN = 'Aid convoys reached Mosul and Erbil in Iraq on Monday.'
EN_PLACES = ['Mosul', 'Erbil', 'Iraq']
# EN and AR in one document: the text is Arabic, and its bare Latin town names are weighed by the
# Arabic scorer, near its threshold on the fixture; the country shows the English part was read
MIXED_PLACES = AR_PLACES + ['Iraq']


def geo(args, env, timeout=300):
    # paths with bytes that are not UTF-8 are printed as those bytes: read them back the same way
    return subprocess.run(GEO + [str(a) for a in args], capture_output=True, text=True, errors='surrogateescape',
                          env=env, timeout=timeout)


def refused(p: subprocess.CompletedProcess, where: str) -> str:
    """The run failed the way the house rules say: exit 2, one line on stderr naming `where`."""
    assert p.returncode == 2, (p.returncode, p.stdout[:300], p.stderr[-2000:])
    assert 'Traceback' not in p.stderr
    lines = [l for l in p.stderr.splitlines() if l.strip()]
    assert len(lines) == 1, p.stderr
    assert where in lines[0], lines[0]
    return lines[0]


def records(p: subprocess.CompletedProcess) -> list[dict]:
    assert 'Traceback' not in p.stderr, p.stderr
    return [json.loads(l) for l in p.stdout.splitlines()]


def parse_one(path: Path, env) -> dict:
    p = geo(['parse', path], env)
    assert p.returncode == 0, p.stderr
    (rec,) = records(p)
    return rec


def surfaces(rec: dict) -> list[str]:
    return [t['text'] for t in rec['toponyms']]


def check_offsets(rec: dict, text: str) -> None:
    for t in rec['toponyms']:
        assert 0 <= t['start'] < t['end'] <= len(text)
        assert text[t['start']:t['end']] == t['text'], t
