"""The popup of a place on the HTML map: its names, type, country and area, coordinates and
confidence, and each sentence that names it, the name highlighted (right to left when Arabic),
with its page when the source has pages.
Every string from the document or the gazetteer goes through `safe()`."""
from __future__ import annotations

from ..model import Result
from . import style
from .basemap import country_label
from .spelling import gazetteer_name
from .web import safe

MAX_SENTENCES = 6


def snippet(result: Result, k: int, width: int = 170) -> tuple[str, str, str]:
    """(before, name, after) of mention k: its sentence, cut to `width` characters each side."""
    m = result.mentions[k]
    s0, s1 = m.sentence
    if s1 <= s0 or not (s0 <= m.start and m.end <= s1):
        s0, s1 = max(0, m.start - width), min(len(result.text), m.end + width)
    before, name, after = result.text[s0:m.start], result.text[m.start:m.end], result.text[m.end:s1]
    if len(before) > width:
        before = '… ' + before[-width:].lstrip()
    if len(after) > width:
        after = after[:width].rstrip() + ' …'
    return before.strip('\n'), name, after.strip('\n')


def popup_html(result: Result, i: int, lang: str | None = None) -> str:
    """The popup of place i, in the label language `lang` (default: the document's)."""
    p = result.places[i]
    lang = style.resolve_label_lang(lang, result.lang)
    ui = style.legend_lang(lang)
    words = style.WORDS[ui]
    ui_rtl = ui == 'ar'
    out = [f'<div class="geo-pop" dir="{"rtl" if ui_rtl else "ltr"}">']
    if p.name_ar and p.name_ar != p.name:
        out.append(f'<div class="geo-pop-name" dir="rtl" lang="ar">{safe(p.name_ar)}</div>')
    out.append(f'<div class="geo-pop-name" dir="auto">{safe(p.name)}</div>')
    if gazetteer_name(p):              # the text's spelling above, the gazetteer's below
        out.append(f'<div class="geo-pop-meta" dir="auto">{safe(gazetteer_name(p))}</div>')
    where = []
    if p.admin1 and p.type not in ('admin1', 'country'):
        where.append(p.admin1)
    if p.country and p.type != 'country':
        where.append(country_label(p.country, ui))
    meta = style.type_name(p.type, lang) + (' · ' + ('، ' if ui_rtl else ', ').join(where) if where else '')
    out.append(f'<div class="geo-pop-meta">{safe(meta)}</div>')
    conf = round(100 * max(0.0, min(1.0, p.confidence)))
    out.append(f'<div class="geo-pop-meta"><span dir="ltr">{p.lat:.4f}, {p.lon:.4f}</span> · '
               f'{safe(words["confidence"])}: <span dir="ltr">{conf}%</span></div>')
    if p.approximate:
        km = f'{p.uncertainty_km:.0f}' if p.uncertainty_km >= 1 else f'{p.uncertainty_km:.1f}'
        out.append(f'<div class="geo-pop-approx">{safe(words["approx_within"].format(km=km))}</div>')
    if p.mentions:
        out.append(f'<div class="geo-pop-head">{safe(words["in_text"])} ({len(p.mentions)})</div><ol class="geo-pop-sent">')
        for k in p.mentions[:MAX_SENTENCES]:
            if not 0 <= k < len(result.mentions):
                continue
            before, name, after = snippet(result, k)
            ar = style.has_arabic(before + name + after)
            page = result.mentions[k].page      # where a paged source (a PDF) has the sentence
            where = f' <span class="geo-pop-page">({safe(words["page"].format(n=page))})</span>' if page else ''
            out.append(f'<li dir="{"rtl" if ar else "ltr"}"{" lang=ar" if ar else ""}>'
                       f'{safe(before)}<mark>{safe(name)}</mark>{safe(after)}{where}</li>')
        out.append('</ol>')
        if len(p.mentions) > MAX_SENTENCES:
            out.append(f'<div class="geo-pop-meta">+{len(p.mentions) - MAX_SENTENCES} {safe(words["more"])}</div>')
    out.append('</div>')
    return ''.join(out)
