"""The resolution weights, read from weights.toml beside this file (values and provenance there).

The file must name exactly the weights the code uses: a renamed or missing weight is an error
that names it, never a silent 0."""
from __future__ import annotations

import tomllib
from pathlib import Path

from ..errors import ModelError

PATH = Path(__file__).resolve().parent / 'weights.toml'
VERSION = 1
NAMES = frozenset({'type', 'seat', 'log_population', 'log_names', 'kind', 'implied_type', 'implied_mismatch',
                   'focus_country', 'focus_unit', 'proximity', 'proximity_km', 'hierarchy', 'homonym_admin',
                   'user', 'bias', 'region_ar', 'rounds', 'max_candidates'})


def load(path: Path = PATH) -> dict:
    with open(path, 'rb') as f:
        data = tomllib.load(f)
    if data.get('version') != VERSION:
        raise ModelError(f'{path}: weights of version {data.get("version")}, the code reads version {VERSION}')
    w = data.get('weights', {})
    missing, unknown = sorted(NAMES - set(w)), sorted(set(w) - NAMES)
    if missing or unknown:
        raise ModelError(f'{path}: ' + '; '.join(
            p for p in (missing and 'missing: ' + ', '.join(missing), unknown and 'unknown: ' + ', '.join(unknown)) if p))
    return w


WEIGHTS = load()
