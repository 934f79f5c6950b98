"""Stage `organisations`: the tokens of known organisation and outlet names (حزب الله, NATO) are
blocked, so that no place is read inside them."""
from __future__ import annotations

from ..doc import Doc
from ..lexicon import Lexicon
from ..text.tokens import gap_is_joinable
from .words import per_word, token_readings


def _organisation_first(lex: Lexicon, k: str) -> bool:
    """Can an organisation name begin with this word, whatever proclitics it has?"""
    firsts = lex.organisation_firsts
    return k in firsts or k[1:] in firsts or k[2:] in firsts or 'ال' + k[2:] in firsts or 'ال' + k[3:] in firsts


def organisations(doc: Doc) -> None:
    """Stage: mark the tokens of known organisation and outlet names in doc.blocked."""
    lex, toks = doc.lex, doc.tokens
    for i, first in enumerate(per_word(doc, lex.org_memo, lambda t: _organisation_first(lex, t.key))):
        if not first:
            continue
        for _, key0, _ in token_readings(toks[i]):
            cur, j, hit = key0, i, -1
            while cur in lex.organisation_prefixes:
                if cur in lex.organisations:
                    hit = j
                if j + 1 >= len(toks) or not gap_is_joinable(doc.text, toks[j], toks[j + 1]):
                    break
                j += 1
                cur = cur + ' ' + toks[j].key
            if hit >= 0:
                doc.blocked.update(range(i, hit + 1))
                break
