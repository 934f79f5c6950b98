"""The data that flows: Mention, Candidate, Place, Result.  Plain dataclasses, JSON-ready."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(slots=True)
class Mention:
    start: int                 # Python str offsets into the ORIGINAL text
    end: int
    surface: str               # text[start:end]
    key: str                   # folded lookup key
    score: float = 1.0         # recognition confidence in [0, 1]
    how: str = 'gazetteer'     # gazetteer, fuzzy, cue, code
    cue: str = ''              # cue word that marks the span as a place (مدينة, province, ...)
    implied_type: str = ''     # type the text implies (admin1 after محافظة, city after مدينة ...)
    parent_hint: str = ''      # name of an enclosing place the text gives (X, Texas; حي X في مدينة Y)
    place: int | None = None   # index into Result.places, None when unresolved
    sentence: tuple[int, int] = (0, 0)  # the sentence around the mention (offsets)
    page: int | None = None    # page of a paged source (PDF) the mention is on, 1 = the first

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Candidate:
    id: str
    name: str
    type: str
    country: str
    lat: float
    lon: float
    population: int = 0
    score: float = 0.0         # resolution probability among the mention's candidates
    geonameid: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Place:
    id: str
    name: str                  # English / Latin display name
    lat: float
    lon: float
    type: str
    country: str = ''
    admin1: str = ''
    name_ar: str = ''
    geonameid: int | None = None
    population: int = 0
    confidence: float = 0.0    # in [0, 1]
    approximate: bool = False  # placed at its parent, not at itself
    uncertainty_km: float = 0.0
    bbox: tuple[float, float, float, float] | None = None
    mentions: list[int] = field(default_factory=list)      # indices into Result.mentions
    alternatives: list[Candidate] = field(default_factory=list)
    source: str = ''

    def label(self, lang: str = 'en') -> str:
        if lang == 'ar' and self.name_ar:
            return self.name_ar
        return self.name

    def to_dict(self) -> dict:
        d = asdict(self)
        d['bbox'] = list(self.bbox) if self.bbox else None
        return d


@dataclass(slots=True)
class Result:
    id: str
    text: str
    lang: str
    mentions: list[Mention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    meta: dict = field(default_factory=dict)

    @property
    def unresolved(self) -> list[Mention]:
        return [m for m in self.mentions if m.place is None]

    def add(self, m: Mention, place: Place | None, by_id: dict[str, int]) -> None:
        """Append a mention and its place: a place already here (same id in `by_id`, place id ->
        index in self.places) gains the mention and keeps the higher confidence."""
        if place is not None:
            k = by_id.get(place.id)
            if k is None:
                k = by_id[place.id] = len(self.places)
                self.places.append(place)
            p = self.places[k]
            if place.confidence > p.confidence:     # max(p.confidence, place.confidence)
                p.confidence = place.confidence
            m.place = k
            p.mentions.append(len(self.mentions))
        self.mentions.append(m)

    def extend(self, part: 'Result', offset: int, by_id: dict[str, int]) -> None:
        """Append the mentions and places of a Result parsed from self.text[offset:...]: offsets
        shift by `offset`; `by_id` as for add, kept by the caller across calls."""
        for m in part.mentions:
            m.start, m.end = m.start + offset, m.end + offset
            m.sentence = (m.sentence[0] + offset, m.sentence[1] + offset)
            place = part.places[m.place] if m.place is not None else None
            if place is not None and place.id not in by_id:
                place.mentions = []
            self.add(m, place, by_id)

    def sentence_of(self, m: Mention) -> str:
        return self.text[m.sentence[0]:m.sentence[1]]

    def to_dict(self, with_text: bool = False) -> dict:
        d = {'id': self.id, 'lang': self.lang, 'mentions': [m.to_dict() for m in self.mentions],
             'places': [p.to_dict() for p in self.places], 'meta': self.meta}
        if with_text:
            d['text'] = self.text
        return d
