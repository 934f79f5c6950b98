"""Arabic: a place at the end of a genitive chain that starts with an organisation head noun is
part of the organisation's name (مجلس شورى مجاهدي درنة, كتيبة ثوار طرابلس, قوات سوريا
الديمقراطية, صحيفة الشرق الأوسط).  A cue word in the chain (مجلس محافظة حلب) or a direction
(تنظيم داعش شرقي سوريا) keeps the place."""

MAX_CHAIN = 4
_QUOTES = ' "«»“”\''


def in_organisation_name(span, doc) -> bool:
    if doc.lang != 'ar' or span.cue or span.proclitics:
        return False
    toks, lex, text = doc.tokens, doc.lex, doc.text
    heads, cues = lex.organisation_heads, lex.cues
    before = range(span.i - 1, max(span.i - MAX_CHAIN, 0) - 1, -1)     # the words before, nearest first
    for k in before:
        key = toks[k].key
        if key in heads or key[:1] in 'وفبل' and key[1:] in heads:
            break
    else:
        return False          # (most spans: no head noun before, so no chain to read)
    breaks, directions = lex.words('chain_breaks'), lex.words('directions')
    for k in before:
        t = toks[k]
        key = t.key
        if not t.arabic or key in breaks or key in directions or text[t.end:toks[k + 1].start].strip(_QUOTES) != '':
            return False      # تنظيم داعش شرقي سوريا: a place after a direction
        if key in cues:
            return False
        if _is_head(key, heads):
            return True
    return False


def _is_head(key: str, heads) -> bool:
    """مجلس, ومجلس, بمجلس: an organisation head noun, also behind و / ف / ب / ل."""
    return key in heads or key[:1] in 'وفبل' and key[1:] in heads
