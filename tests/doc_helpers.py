"""The one way tests build a Doc: the real pipeline on a text, stopped after a named stage."""
from __future__ import annotations


def doc_after(index, text: str, stage: str, lang: str | None = None, **settings):
    """The Doc after `stage` (a name of geo.pipeline's stages), with Geoparser settings."""
    from geo.pipeline import Geoparser
    return Geoparser(index=index, **settings).run(text, lang=lang, until=stage)
