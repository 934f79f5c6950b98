"""Stage `organisations`: the tokens of known organisation and outlet names (حزب الله, NATO) are
blocked, so that no place is read inside them."""
from __future__ import annotations

from ..doc import Doc
from .words import scan


def organisations(doc: Doc) -> None:
    """Stage: mark the tokens of known organisation and outlet names in doc.blocked (only the
    readings with which one can begin are tried: geo.recognize.words.WordScan.organisation)."""
    lex, keys = doc.lex, doc.keys
    found = scan(doc)
    for i in found.where('organisation'):
        for key0 in found.words[i].organisation:
            cur, j, hit = key0, i, -1
            while cur in lex.organisation_prefixes:
                if cur in lex.organisations:
                    hit = j
                if j + 1 >= len(keys):
                    break
                nxt = cur + ' ' + keys[j + 1]
                # (the key first: when no name goes on with it, the gap is not read)
                if nxt not in lex.organisation_prefixes or not doc.joins_next(j):
                    break
                j += 1
                cur = nxt
            if hit >= 0:
                doc.blocked.update(range(i, hit + 1))
                break
