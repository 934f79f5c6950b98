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
    if doc.text[prev.end:toks[span.i].start].strip(' .') != '':
        return False
    titles = doc.lex.titles
    if prev.key in titles:
        return True
    # two-word titles (ولي العهد, Prime Minister) and a first name between title and surname
    if span.i >= 2 and prev.key in _last_words(titles):
        prev2 = toks[span.i - 2]
        if f'{prev2.key} {prev.key}' in titles:
            return True
    return False
