"""The corrected maps and data of a reviewed document, written by the writers `geo map` uses
(geo.outputs): static maps (PNG, SVG, PDF), the HTML map, CSV; the GeoJSON is the same schema with
the review's decisions added (each place's `review` property: the decisions on its mentions; the
collection's `review` member: every decision of the document, "Not a place" included); and the
gold JSON Lines of every reviewed document (geo.review.gold).  Files are named after the document
(geo.export.files.safe_stem), inside the export folder only."""
from __future__ import annotations

import json
from pathlib import Path

from ..export.files import atomic_write_text, safe_stem
from ..model import Result
from .apply import place_decisions

FORMATS = ('png', 'svg', 'pdf', 'html', 'geojson', 'csv', 'gold')
GOLD_NAME = 'review-gold.jsonl'


def geojson_text(result: Result, meta: dict | None = None) -> str:
    from ..export.geojson import CREDITS, features

    feats = features(result, meta)
    for i, got in place_decisions(result).items():
        feats[i]['properties']['review'] = got
    review = result.meta.get('review', {})
    decisions = [dict(d, text=result.text[d['start']:d['end']]) for d in review.get('decisions', [])]
    body = {'type': 'FeatureCollection', 'credits': CREDITS,
            'review': {'document': result.id, 'decisions': decisions}, 'features': feats}
    return json.dumps(body, ensure_ascii=False, indent=None) + '\n'


def export(result: Result, folder: Path, formats: list[str], title: str = '', subtitle: str = '',
           size: str = 'A4', label_lang: str | None = None, meta: dict | None = None, dpi: int = 200,
           gold: list[Result] | None = None, decided_only: bool = False, gazetteer=None) -> list[Path]:
    """Write the chosen files of one reviewed document into `folder`; 'gold' writes the gold of
    the `gold` Results (every reviewed document of the review); `gazetteer` (the parser's index)
    gives the static maps their reference places."""
    from ..outputs import map_title, write_outputs

    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise ValueError(f'unknown export format(s): {", ".join(bad)}')
    title = ' '.join(str(title or '').split()) or map_title(result, meta)
    subtitle = ' '.join(str(subtitle or '').split())
    folder = Path(folder)
    written: list[Path] = []
    plain = [f for f in formats if f in ('png', 'svg', 'pdf', 'html', 'csv')]
    if plain:
        written += write_outputs(result, folder, plain, title=title, dpi=dpi, size=size, label_lang=label_lang,
                                 meta=meta, gazetteer=gazetteer, subtitle=subtitle)
    if 'geojson' in formats:
        written.append(atomic_write_text(folder / f'{safe_stem(result.id)}.geojson', geojson_text(result, meta)))
    if 'gold' in formats:
        from .gold import dumps
        written.append(atomic_write_text(folder / GOLD_NAME, dumps(gold if gold is not None else [result],
                                                                   decided_only)))
    return written
