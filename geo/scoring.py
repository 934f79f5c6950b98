"""The learned recognition scorer: a logistic regression over span features (geo/features.py),
one per language, trained by geo/models/train.py on the development splits and shipped as a
small JSON file (geo/models/recognizer-LANG.json).  Pure Python at run time."""
from __future__ import annotations

import json
import math
from functools import lru_cache
from itertools import repeat
from operator import mul
from pathlib import Path

from .features import span_features

MODELS = Path(__file__).resolve().parent / 'models'


class Scorer:
    def __init__(self, model: dict):
        self.lang = model['lang']
        self.weights: dict[str, float] = model['weights']
        self.threshold: float = model.get('threshold', 0.5)

    def logit(self, feats: dict[str, float]) -> float:
        w = self.weights   # (a C-level loop over the features, in their order: the same sum)
        return sum(map(mul, map(w.get, feats, repeat(0.0)), feats.values())) + w.get('__intercept__', 0.0)

    def probability(self, span, doc) -> float:
        x = self.logit(span_features(span, doc))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


@lru_cache(maxsize=None)
def load(lang: str) -> Scorer | None:
    path = MODELS / f'recognizer-{lang}.json'
    if not path.exists():
        return None
    return Scorer(json.loads(path.read_text(encoding='utf-8')))
