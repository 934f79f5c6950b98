"""Arabic: a place at the end of a genitive chain that starts with an organisation head noun is
part of the organisation's name (مجلس شورى مجاهدي درنة, كتيبة ثوار طرابلس, قوات سوريا
الديمقراطية, صحيفة الشرق الأوسط).  A cue word in the chain (مجلس محافظة حلب) or a direction
(تنظيم داعش شرقي سوريا) keeps the place."""

from functools import lru_cache

from ...text.token_list import ARABIC

MAX_CHAIN = 4
_QUOTES = ' "«»“”\''


@lru_cache(maxsize=8)
def _heads_as_written(heads: frozenset[str]) -> frozenset[str]:
    """The head nouns, and each behind و / ف / ب / ل: the keys _is_head answers True for."""
    return heads | frozenset(p + h for p in 'وفبل' for h in heads)


def in_organisation_name(span, doc) -> bool:
    if doc.lang != 'ar' or span.cue or span.proclitics:
        return False
    return head_before(span, doc)


def head_before(span, doc) -> bool:
    """The rule's reading of the words before the span (what is left of it once the span's own
    facts let it hold, rules/own.py)."""
    lex = doc.lex
    heads = lex.organisation_heads
    first = max(span.i - MAX_CHAIN, 0)
    if _heads_as_written(heads).isdisjoint(doc.keys[first:span.i]):
        return False          # (most spans: no head noun among the words before, so no chain to read)
    keys, infos, starts, ends = doc.keys, doc.tokens.infos, doc.starts, doc.ends    # (no Token made)
    text, cues = doc.text, lex.cues
    before = range(span.i - 1, first - 1, -1)     # the words before, nearest first
    breaks, directions = lex.words('chain_breaks'), lex.words('directions')
    for k in before:
        key = keys[k]
        if not infos[k][ARABIC] or key in breaks or key in directions or text[ends[k]:starts[k + 1]].strip(_QUOTES) != '':
            return False      # تنظيم داعش شرقي سوريا: a place after a direction
        if key in cues:
            return False
        if _is_head(key, heads):
            return True
    return False


def _is_head(key: str, heads) -> bool:
    """مجلس, ومجلس, بمجلس: an organisation head noun, also behind و / ف / ب / ل."""
    return key in heads or key[:1] in 'وفبل' and key[1:] in heads
