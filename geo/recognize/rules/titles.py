"""A name right after a person's title (الوزير, اللواء, Gov., Sgt) is a person's name."""
from functools import lru_cache


@lru_cache(maxsize=8)
def _last_words(titles: frozenset[str]) -> frozenset[str]:
    """The last word of every two-word title (ولي العهد: العهد)."""
    return frozenset(t.split(' ')[-1] for t in titles if ' ' in t)


def follows_title(span, doc) -> bool:
    if span.cue or span.i == 0:
        return False
    keys, i = doc.keys, span.i
    prev, titles = keys[i - 1], doc.lex.titles
    # a title, or a two-word one (ولي العهد, Prime Minister), right before
    if not (prev in titles or i >= 2 and prev in _last_words(titles) and f'{keys[i - 2]} {prev}' in titles):
        return False
    toks = doc.tokens
    return doc.text[toks[i - 1].end:toks[i].start].strip(' .') == ''
