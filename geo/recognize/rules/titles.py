"""A name right after a person's title (الوزير, اللواء, Gov., Sgt) is a person's name."""


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
    if span.i >= 2:
        prev2 = toks[span.i - 2]
        if f'{prev2.key} {prev.key}' in titles:
            return True
    return False
