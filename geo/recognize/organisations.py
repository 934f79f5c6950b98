"""Stage `organisations`: the tokens of known organisation and outlet names (حزب الله, NATO) are
blocked, so that no place is read inside them."""
from __future__ import annotations

from ..doc import Doc
from ..text.tokens import gap_is_joinable
from .words import scan, token_readings


def organisations(doc: Doc) -> None:
    """Stage: mark the tokens of known organisation and outlet names in doc.blocked (only the
    tokens whose word can begin one are tried: geo.recognize.words.scan)."""
    lex, toks = doc.lex, doc.tokens
    for i in scan(doc).where('organisation'):
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
