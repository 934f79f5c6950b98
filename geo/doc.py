"""Doc and Span: the one object that flows through every stage of the pipeline.

A Doc is made once per text by `make_doc` (tokens are found there, once; sentences when a stage
first asks); then each stage (`stage(doc) -> None`, listed in geo.pipeline) adds what it finds and
changes nothing it did not create.  Who writes what:

  recognition (geo.recognize)
    organisations   doc.blocked     tokens inside organisation and outlet names
    names           doc.spans       longest matches of index names (Span.rows: their candidates)
    focus           doc.focus       countries the text names outright
    cues            doc.spans       names a cue word marks; a cue before a known name annotates it
    fuzzy           doc.spans       near misses (English); candidates of cue names no key answers
    counts          doc.key_counts  how often each candidate key occurs; doc.topics: where topic words are
    filters         Span.dropped    the hard rule that rules a span out (spans stay, for review)
    score           Span.score      probability that the span names a place
    select          doc.mentions    the spans kept, in text order
    demonyms        doc.mentions    demonyms as their countries (when on)
  resolution (geo.resolve)
    links           Span.parent     the mention the text places this one in (حي X في مدينة Y)
    candidates      doc.groups      scored candidates, one group per name and implied type
    solve           Group.cands     probabilities after the joint solve
    places          Span.place      the chosen place, its confidence and alternatives (in Arabic
                                    text, labelled as written when the source has no Arabic name)
    approximate     Span.place      names without candidates, placed at their parent, named as written

Offsets are always Python str offsets into the ORIGINAL text."""
from __future__ import annotations

from dataclasses import dataclass, field

from gazetteer.index import Index

from .lexicon import Lexicon
from .lexicon import load as load_lexicon
from .model import Place
from .text.sentences import SentenceIndex
from .text.token_list import Tokens
from .text.tokens import gap_joins, scan


@dataclass(slots=True)
class Span:
    """A candidate span (token indices are inclusive-exclusive; start/end are character offsets)."""
    i: int
    j: int
    start: int
    end: int
    key: str
    how: str = 'gazetteer'                             # gazetteer, cue, fuzzy, demonym
    proclitics: str = ''
    cue: str = ''
    implied_type: str = ''
    score: float = 0.8
    rows: list = field(default_factory=list)           # (index row, name kind) candidates
    name_i: int = -1                                   # cue spans: the token where the name begins
    from_list: bool = False                            # cue spans: a later item of a list (والصناعة)
    parent_key: str = ''                               # a known name inside the span (مطار دير الزور)
    parent_rows: list = field(default_factory=list)
    dropped: str = ''                                  # the hard rule that ruled the span out
    parent: int | None = None                          # doc.mentions index of the place the text puts it in
    country_hint: str = ''                             # the country an adjective after it names (ليون الفرنسية: FR)
    place: Place | None = None                         # what resolution decided (None: unresolved)


@dataclass
class Doc:
    text: str
    tokens: Tokens                                   # a Token is made when first read (geo.text.token_list)
    lang: str
    lex: Lexicon
    index: Index
    blocked: set[int] = field(default_factory=set)   # token indices inside organisation names
    spans: list[Span] = field(default_factory=list)  # candidate spans, in text order
    focus: set[str] = field(default_factory=set)     # countries the document names
    area_keys: dict[str, set[str]] = field(default_factory=dict)    # country -> keys naming it or only places in it
    key_counts: dict = field(default_factory=dict)   # how often each candidate key occurs
    topics: dict = field(default_factory=dict)       # topic -> start offsets of its words (recognize.context)
    mentions: list[Span] = field(default_factory=list)   # the spans kept as places, in text order
    groups: list = field(default_factory=list)       # resolution groups (geo.resolve.candidates.Group)
    starts: list[int] = field(default_factory=list)  # where every token starts (tokens[k].start, no Token made)
    ends: list[int] = field(default_factory=list)    # where every token ends
    words: list[str] = field(default_factory=list)   # the text of every token (make_doc fills it)
    keys: list[str] = field(default_factory=list)    # the key of every token (make_doc fills it)
    _word_set: set[str] | None = None
    _sentences: SentenceIndex | None = None

    @property
    def sentences(self) -> SentenceIndex:
        """The sentences of the text, found when a stage first asks (only mentions need them)."""
        if self._sentences is None:
            self._sentences = SentenceIndex(self.text)
        return self._sentences

    @property
    def word_set(self) -> set[str]:
        """The text of every token, as a set, made when first asked (the sentence-case rule asks,
        in English, when a one-word name starts a sentence)."""
        if self._word_set is None:
            self._word_set = set(self.words)
        return self._word_set

    def joins_next(self, j: int) -> bool:
        """text.tokens.gap_is_joinable for tokens j and j + 1, read from the lists and token j's
        memo entry (no Token made)."""
        _, before, _, _, cap, _, _ = self.tokens.infos[j]
        return gap_joins(self.text[self.ends[j]:self.starts[j + 1]], before, cap)

    def one_space_between(self, a: int, b: int) -> bool:
        """True when exactly one space separates token a from token b (two words of one name)."""
        return self.text[self.ends[a]:self.starts[b]] == ' '

    def sentence(self, start: int, end: int | None = None) -> tuple[int, int]:
        """The sentence around an offset (or a range: the next sentence too when the range runs
        across a sentence end, so that a snippet always holds a whole name)."""
        sents = self.sentences
        span = sents.around(start)
        if end is None or span[1] >= end:
            return span
        return span[0], max(sents.around(end - 1)[1], end)


def make_doc(text: str, index: Index, lang: str | None = None) -> Doc:
    """The one way to start a Doc: language and tokens (with the text and key of each, as
    doc.words and doc.keys, and where each starts and ends), once; sentences when first asked for."""
    got = scan(text, lang)
    return Doc(text=text, tokens=got.tokens, lang=got.lang, lex=load_lexicon(got.lang), index=index,
               starts=got.starts, ends=got.ends, words=got.words, keys=got.keys)
