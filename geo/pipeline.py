"""Geoparser: one named list of stages, and doc -> Result.

    text -> make_doc -> organisations, names, focus, cues, fuzzy, counts, filters, score, select,
            demonyms (recognition) -> links, candidates, solve, places, approximate
            (resolution) -> to_result

Every stage is a function `stage(doc) -> None` (geo.doc says what each writes).  A stage can be
left out for an experiment: `Geoparser(skip=('fuzzy',))`."""
from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

from gazetteer.index import Index
from gazetteer.sources.user import read_places

from .doc import Doc, make_doc
from .model import Mention, Result
from .recognize.cues import cues
from .recognize.demonyms import demonyms
from .recognize.features import counts
from .recognize.fuzzy import fuzzy
from .recognize.names import focus, names
from .recognize.organisations import organisations
from .recognize.scorer import score
from .recognize.select import filters, select
from .resolve.approximate import approximate
from .resolve.candidates import candidates
from .resolve.hierarchy import links
from .resolve.places import places
from .resolve.solver import solve
from .text.lang import detect
from .text.windows import windows

# the longest text parsed as one Doc (about 100 news articles); longer ones go window by window
WINDOW_CHARS = 200_000


class Stage(NamedTuple):
    name: str
    run: Callable[[Doc], None]


class Geoparser:
    """Open the index once, then parse any number of documents.

    >>> gp = Geoparser()                       # builds the index on first use
    >>> result = gp.parse('قصفت الطائرات مدينة دير الزور')
    """

    def __init__(self, index: Index | None = None, gazetteers: Iterable[str | Path] = (),
                 index_root: str | Path | None = None, min_confidence: float | None = None,
                 bias_country: str | None = None, bias_bbox: tuple[float, float, float, float] | None = None,
                 demonyms: bool | None = None, use_model: bool = True, fuzzy: bool = True, progress=None,
                 skip: Iterable[str] = (), window_chars: int = WINDOW_CHARS):
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
        self.window_chars = window_chars
        skip = set(skip) | (set() if fuzzy else {'fuzzy'})
        self.stages = [s for s in self.all_stages() if s.name not in skip]

    def all_stages(self) -> list[Stage]:
        """Every stage, in order, set up with this parser's settings."""
        return [
            Stage('organisations', organisations),
            Stage('names', names),
            Stage('focus', focus),
            Stage('cues', cues),
            Stage('fuzzy', fuzzy),
            Stage('counts', counts),
            Stage('filters', filters),
            Stage('score', partial(score, use_model=self.use_model)),
            Stage('select', partial(select, threshold=self.min_confidence, use_model=self.use_model)),
            Stage('demonyms', partial(demonyms, on=self.demonyms)),
            Stage('links', links),
            Stage('candidates', candidates),
            Stage('solve', partial(solve, bias_country=self.bias_country, bias_bbox=self.bias_bbox)),
            Stage('places', places),
            Stage('approximate', approximate),
        ]

    def run(self, text: str, lang: str | None = None, until: str | None = None) -> Doc:
        """The Doc after every stage (or after the stage named `until`)."""
        doc = make_doc(text, self.index, lang)
        for stage in self.stages:
            stage.run(doc)
            if stage.name == until:
                break
        return doc

    def parse(self, text: str, doc_id: str = 'doc', lang: str | None = None) -> Result:
        if not isinstance(text, str):
            raise TypeError(f'Geoparser.parse takes the text as str, not {type(text).__name__}: decode it first '
                            '(data.decode("utf-8"), or geo.inputs.read_text_file(path) for a file in any encoding)')
        if len(text) <= self.window_chars:
            return to_result(self.run(text, lang), doc_id)
        # a long text goes window by window (geo.text.windows: cut at paragraph ends), so that
        # time and memory grow with its length; the language is the whole text's
        lang = lang or detect(text)
        result, by_id = Result(id=doc_id, text=text, lang=lang), {}
        for start, end in windows(text, self.window_chars):
            result.extend(to_result(self.run(text[start:end], lang), doc_id), start, by_id)
        return result


def to_result(doc: Doc, doc_id: str) -> Result:
    """The Result outputs read: one Mention per mention, one Place per distinct place.  (Mention's
    fields are given in order, without names: a sixth less time per mention.  The sentence around
    a mention is Doc.sentence's answer, looked up here: Doc.sentence is only called for a mention
    that runs past its sentence's end.)"""
    result = Result(doc_id, doc.text, doc.lang)
    if doc.mentions:
        by_id: dict[str, int] = {}
        text, add, around = doc.text, result.add, doc.sentences.around
        for span in doc.mentions:
            start, end = span.start, span.end
            sentence = around(start)
            if sentence[1] < end:
                sentence = doc.sentence(start, end)
            # start, end, surface, key, score, how, cue, implied_type, parent_hint, place, sentence
            add(Mention(start, end, text[start:end], span.key, round(span.score, 3), span.how, span.cue,
                        span.implied_type, '', None, sentence), span.place, by_id)
    return result
