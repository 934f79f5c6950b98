"""Stage `score`: the learned recognition scorer, a logistic regression over span features
(geo/recognize/features.py), one per language, trained by geo/models/train.py on the development
splits and shipped as a small JSON file (geo/models/recognizer-LANG.json).  Pure Python at run time.

The model file names the features it was trained with and their version; a model whose features
differ from the code's is refused with the names that differ (a renamed feature would otherwise
weigh 0 without a word)."""
from __future__ import annotations

import json
import math
from functools import lru_cache
from itertools import repeat
from operator import mul
from pathlib import Path

from ..doc import Doc
from ..errors import ModelError
from .facts import kept_verdicts
from .features import FEATURE_VERSION, FEATURES, LogitWeights, span_logits

MODELS = Path(__file__).resolve().parents[1] / 'models'
INTERCEPT = '__intercept__'


class Scorer:
    def __init__(self, model: dict, source: str = 'model'):
        check_features(model, source)
        self.lang = model['lang']
        self.weights: dict[str, float] = model['weights']
        self.threshold: float = model.get('threshold', 0.5)
        self.fast = LogitWeights(self.weights)

    def logit(self, feats: dict[str, float]) -> float:
        """The logit of span_features' dict (the reference; training and review read the dict)."""
        w = self.weights   # (a C-level loop over the features, in their order: the same sum)
        return sum(map(mul, map(w.get, feats, repeat(0.0)), feats.values())) + w.get(INTERCEPT, 0.0)

    def probabilities(self, doc, spans, own: list | None = None) -> list[float]:
        """Each span's probability of naming a place: the logit of its features (the same float as
        self.logit(span_features(span, doc)), without building their dict: features.span_logits;
        own: each span's (NameFacts, OwnVerdicts), for spans the filters stage let through)."""
        b = self.weights.get(INTERCEPT, 0.0)
        return [1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x + b)))) for x in span_logits(doc, spans, self.fast, own)]


def check_features(model: dict, source: str) -> None:
    """The model's feature names and version must be the code's."""
    listed = model.get('features')
    if listed is None:
        raise ModelError(f'{source}: lists no features; retrain it (python -m geo.models.train)')
    if model.get('feature_version') != FEATURE_VERSION:
        raise ModelError(f'{source}: features of version {model.get("feature_version")}, the code has '
                         f'{FEATURE_VERSION}; retrain it (python -m geo.models.train)')
    code, mine = set(FEATURES), set(listed)
    unknown = sorted(set(model.get('weights', {})) - mine - {INTERCEPT})
    if code != mine or unknown:
        parts = []
        if mine - code:
            parts.append('not in the code: ' + ', '.join(sorted(mine - code)))
        if code - mine:
            parts.append('new in the code: ' + ', '.join(sorted(code - mine)))
        if unknown:
            parts.append('weighted but not listed: ' + ', '.join(unknown))
        raise ModelError(f'{source}: its features differ from the code\'s ({"; ".join(parts)}); '
                         'retrain it (python -m geo.models.train)')


@lru_cache(maxsize=None)
def load(lang: str) -> Scorer | None:
    path = MODELS / f'recognizer-{lang}.json'
    if not path.exists():
        return None
    return Scorer(json.loads(path.read_text(encoding='utf-8')), str(path))


def score(doc: Doc, use_model: bool = True) -> None:
    """Stage: each span the hard rules let through gets its probability of naming a place (with
    no model for the language, spans keep the score their stage gave them)."""
    scorer = load(doc.lang) if use_model else None
    if scorer is None:
        return
    pairs = kept_verdicts(doc)        # (as the filters stage found them, when it ran last on doc)
    if pairs is None:
        spans, own = [s for s in doc.spans if not s.dropped], None
    else:
        kept = [k for k, s in enumerate(doc.spans) if not s.dropped]
        spans, own = [doc.spans[k] for k in kept], [pairs[k] for k in kept]
    for s, p in zip(spans, scorer.probabilities(doc, spans, own)):
        s.score = p
