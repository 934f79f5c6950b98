"""Geoparser: wires the stages.  text -> tokens -> spans -> places -> Result."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from gazetteer.index import Index
from gazetteer.keys import is_arabic
from gazetteer.sources.user import read_places

from . import lexicon, scoring
from .model import Mention, Result
from .recognize import Doc, recognize
from .resolve import Options, resolve
from .text.lang import detect
from .text.sentences import SentenceIndex
from .text.tokens import tokenize


# Demonyms (Russian, السوري) as places: English evaluation corpora count them as toponyms,
# Arabic news annotation (and the seed) treats them as adjectives.
DEMONYMS_BY_DEFAULT = {'en': True, 'ar': False}


def _sentence(sents: SentenceIndex, start: int, end: int) -> tuple[int, int]:
    """The sentence around a mention, taking the next one in too when the name runs across a
    sentence end (a user place named "Hat. La"): a snippet always holds its whole name."""
    s0, s1 = sents.around(start)
    if s1 < end:
        s1 = max(sents.around(end - 1)[1], end)
    return s0, s1


class Geoparser:
    """Open the index once, then parse any number of documents.

    >>> gp = Geoparser()                       # builds the index on first use
    >>> result = gp.parse('قصفت الطائرات مدينة دير الزور')
    """

    def __init__(self, index: Index | None = None, gazetteers: Iterable[str | Path] = (),
                 index_root: str | Path | None = None, min_confidence: float | None = None,
                 bias_country: str | None = None, bias_bbox: tuple[float, float, float, float] | None = None,
                 demonyms: bool | None = None, use_model: bool = True, fuzzy: bool = True, progress=None):
        extra = [p for g in gazetteers for p in read_places(g)]
        if index is None:
            index = Index.open(index_root, overlay=extra, progress=progress)
        elif extra:
            index.add_places(extra)
        self.index = index
        self.min_confidence = min_confidence
        self.bias_country = bias_country.upper() if bias_country else None
        self.bias_bbox = bias_bbox
        self.demonyms = demonyms
        self.use_model = use_model
        self.fuzzy = fuzzy

    def parse(self, text: str, doc_id: str = 'doc', lang: str | None = None) -> Result:
        lang = lang or detect(text)
        doc = Doc(text=text, tokens=tokenize(text), lang=lang, lex=lexicon.load(lang), index=self.index)
        spans = recognize(doc, scoring.load(lang) if self.use_model else None, fuzzy=self.fuzzy,
                          threshold=self.min_confidence)
        if self.demonyms if self.demonyms is not None else DEMONYMS_BY_DEFAULT.get(lang, False):
            from .demonyms import demonym_spans
            spans = sorted(spans + demonym_spans(doc, spans), key=lambda s: s.start)
        opts = Options(bias_country=self.bias_country, bias_bbox=self.bias_bbox)
        resolved = resolve(self.index, spans, doc, opts)
        sents = SentenceIndex(text)
        result = Result(id=doc_id, text=text, lang=lang)
        by_id: dict[str, int] = {}
        for span, place in resolved:
            m = Mention(start=span.start, end=span.end, surface=text[span.start:span.end], key=span.key,
                        score=round(span.score, 3), how=span.how, cue=span.cue, implied_type=span.implied_type,
                        sentence=_sentence(sents, span.start, span.end))
            if place is not None:
                if place.approximate:
                    place.name = m.surface.strip('"\'«» ')
                    if lang == 'ar':
                        place.name_ar = place.name
                elif lang == 'ar' and not place.name_ar and is_arabic(m.surface):
                    place.name_ar = m.surface.strip('"\'«» #')  # مطار دمشق: airportsdata has no Arabic names
            if place is not None:
                if place.id not in by_id:
                    by_id[place.id] = len(result.places)
                    result.places.append(place)
                p = result.places[by_id[place.id]]
                p.confidence = max(p.confidence, place.confidence)
                m.place = by_id[place.id]
                p.mentions.append(len(result.mentions))
            result.mentions.append(m)
        return result
