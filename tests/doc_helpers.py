"""The one way tests build a Doc: the real pipeline on a text, stopped after a named stage."""
from __future__ import annotations


def doc_after(index, text: str, stage: str, lang: str | None = None, **settings):
    """The Doc after `stage` (a name of geo.pipeline's stages), with Geoparser settings."""
    from geo.pipeline import Geoparser
    return Geoparser(index=index, **settings).run(text, lang=lang, until=stage)


def geoparser_of(home, places_csv: str):
    """A Geoparser over a real index built from these CSV rows (the user-file format) in `home`."""
    from gazetteer.build import build
    from gazetteer.index import Index
    from gazetteer.sources.user import UserFile
    from geo.pipeline import Geoparser

    (home / 'places.csv').write_text(places_csv, encoding='utf-8')
    build(home / 'index', sources=[UserFile(home / 'places.csv')])
    return Geoparser(index=Index.open(home / 'index'))


def surfaces(gp, text: str) -> list[str]:
    """The surface of every mention the parser finds in the text."""
    return [m.surface for m in gp.parse(text).mentions]
