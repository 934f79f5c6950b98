"""A name right after a person's title (الوزير, اللواء, Gov., Sgt) is a person's name."""
from functools import lru_cache


@lru_cache(maxsize=8)
def _last_words(titles: frozenset[str]) -> frozenset[str]:
    """The last word of every two-word title (ولي العهد: العهد)."""
    return frozenset(t.split(' ')[-1] for t in titles if ' ' in t)


def follows_title(span, doc) -> bool:
    if span.cue or span.i == 0:
        return False
    toks = doc.tokens
    prev = toks[span.i - 1]
    titles = doc.lex.titles
    # a title, or a two-word one (ولي العهد, Prime Minister), right before
    if not (prev.key in titles or span.i >= 2 and prev.key in _last_words(titles)
            and f'{toks[span.i - 2].key} {prev.key}' in titles):
        return False
    return doc.text[prev.end:toks[span.i].start].strip(' .') == ''
