"""Documents as analysts receive them, made here (tests/inputs_samples.py) and read by the real
readers: the places found in a PDF (text layer in logical order, of presentation forms, or in
visual order), a DOCX (header, table, right-to-left paragraphs) and an e-mail with a PDF
attachment equal those of the same text given as .txt, and each mention's page is right."""
from __future__ import annotations

import json

import pytest

import inputs_samples as S
from hostile_helpers import geo, records, refused

AR_PAGES = [['تقرير ميداني عن الفيضانات في سوريا',
             'قصفت الطائرات مدينة حلب صباح الاثنين، وقال مسؤول إن الوفد وصل إلى دير الزور.'],
            ['وفي الصفحة الثانية: وصل الوفد إلى الموصل قادماً من أربيل في العراق.',
             'وعادت القافلة إلى الرقة عبر الميادين.']]
EN_PAGES = [['Field report on the floods', 'Aid convoys reached Aleppo in Syria on Monday, officials said.'],
            ['On the second page: the convoy went on to Mosul and Erbil in Iraq.']]


def found(result) -> list[tuple[str, str | None]]:
    return [(m.surface, result.places[m.place].id if m.place is not None else None) for m in result.mentions]


def read_one(path):
    from geo.inputs import iter_items
    items = list(iter_items(path))
    assert len(items) == 1 and items[0].ok, items
    return items[0]


def parse(geoparser, item):
    from geo.inputs import note_offsets
    return note_offsets(geoparser.parse(item.text, item.id), item.meta)


def as_txt(pages: list[list[str]]) -> str:
    return '\n\n'.join('\n\n'.join(p) for p in pages)


def expected_pages(geoparser, pages: list[list[str]]) -> list[tuple[str, int]]:
    """(name, page) for each mention, from each page's text parsed alone."""
    out = []
    for n, page in enumerate(pages, start=1):
        out += [(m.surface, n) for m in geoparser.parse('\n\n'.join(page), 'p').mentions]
    return out


def check_round_trip(geoparser, path, pages):
    item = read_one(path)
    result = parse(geoparser, item)
    txt = geoparser.parse(as_txt(pages), 'txt')
    assert found(result) == found(txt) and len(txt.mentions) >= 5
    assert [(m.surface, m.page) for m in result.mentions] == expected_pages(geoparser, pages)
    for m in result.mentions:       # offsets point into the text the reader returned
        assert result.text[m.start:m.end] == m.surface
    return item, result


@pytest.mark.parametrize('kind', ['logical', 'forms', 'visual'])
def test_an_arabic_pdf_gives_the_places_of_its_text_with_their_pages(geoparser, tmp_path, kind):
    if kind == 'logical':
        data = S.fpdf_pdf(AR_PAGES)
    elif kind == 'forms':
        data = S.fpdf_pdf([[S.presentation_forms(line) for line in p] for p in AR_PAGES])
        assert S.FORMS_RE.search(S.presentation_forms(AR_PAGES[0][1]))
    else:
        data = S.matplotlib_pdf(AR_PAGES)
    path = tmp_path / f'report-{kind}.pdf'
    path.write_bytes(data)
    item, _ = check_round_trip(geoparser, path, AR_PAGES)
    assert item.meta['offsets'] == 'pdf-text' and len(item.meta['pages']) == 2
    assert ('visual_pages' in item.meta) == (kind == 'visual')
    assert not S.FORMS_RE.search(item.text)


def test_an_english_pdf_gives_the_places_of_its_text_with_their_pages(geoparser, tmp_path):
    path = tmp_path / 'report.pdf'
    path.write_bytes(S.fpdf_pdf(EN_PAGES, arabic=False))
    check_round_trip(geoparser, path, EN_PAGES)


def test_the_cli_writes_each_page_in_every_output(geo_env, tmp_path):
    path = tmp_path / 'report.pdf'
    path.write_bytes(S.matplotlib_pdf(AR_PAGES))
    p = geo(['parse', path], geo_env)
    (rec,) = records(p)
    assert rec['offsets'] == 'pdf-text'
    pages = {t['text']: t['page'] for t in rec['toponyms']}
    assert pages['حلب'] == 1 and pages['الموصل'] == 2 and pages['أربيل'] == 2
    out = tmp_path / 'out'
    p = geo(['map', path, '-o', out, '--formats', 'geojson,csv'], geo_env)
    assert p.returncode == 0, p.stderr
    feats = json.loads((out / 'report.geojson').read_text(encoding='utf-8'))['features']
    mosul = next(f for f in feats if f['properties']['id'].endswith(':mos'))
    assert [m['page'] for m in mosul['properties']['mentions']] == [2]
    csv_text = (out / 'report.csv').read_text(encoding='utf-8-sig')
    assert csv_text.splitlines()[0].endswith(',pages')
    assert any(line.startswith('report,') and line.endswith(',2') and ':mos' in line for line in csv_text.splitlines())


def test_a_scanned_pdf_is_one_clear_error(geo_env, tmp_path):
    path = tmp_path / 'scan.pdf'
    path.write_bytes(S.scan_pdf())
    line = refused(geo(['map', path, '-o', tmp_path / 'out'], geo_env), str(path))
    assert 'no text layer' in line and 'OCR' in line


def test_a_docx_reads_header_paragraphs_table_and_rtl_text_in_order(geoparser, tmp_path):
    header = 'تقرير الوضع في سوريا'
    before = ['قصفت الطائرات مدينة حلب صباح الاثنين.', 'وصل الوفد إلى الموصل قادماً من أربيل.']
    table = [['المكان', 'العائلات'], ['الرقة', '300'], ['دير الزور', '45']]
    after = ['وعادت القافلة إلى الميادين في المساء.']
    path = tmp_path / 'brief.docx'
    path.write_bytes(S.docx_file(header, before, table, after, rtl=True))
    item = read_one(path)
    lines = [header] + before + [c for row in table for c in row] + after
    assert item.text == '\n'.join(lines)            # reading order, RTL paragraphs in logical order
    assert item.meta['offsets'] == 'docx-text' and item.meta['date'] == '2026-03-02'
    result = parse(geoparser, item)
    assert found(result) == found(geoparser.parse('\n'.join(lines), 'txt'))
    assert {'حلب', 'الموصل', 'أربيل', 'الرقة', 'دير الزور', 'الميادين'} <= {m.surface for m in result.mentions}
    assert all(m.page is None for m in result.mentions)


def test_an_email_and_its_pdf_attachment_are_two_documents(geoparser, geo_env, tmp_path):
    body = 'وصل الوفد إلى الموصل قادماً من أربيل.\nوقال مسؤول إن القافلة تتجه إلى حلب.'
    subject = 'تقرير من العراق'
    path = tmp_path / 'message.eml'
    path.write_bytes(S.eml_file(subject, body, {'report.pdf': S.matplotlib_pdf(AR_PAGES), 'photo.png': b'\x89PNG'}))
    from geo.inputs import iter_items
    items = list(iter_items(path))
    assert [i.id for i in items] == ['message', 'message#report.pdf'] and all(i.ok for i in items)
    msg, att = items
    assert msg.text == f'{subject}\n\n{body}'
    assert msg.meta['title'] == subject and msg.meta['date'] == '2026-03-03'
    assert found(parse(geoparser, msg)) == found(geoparser.parse(f'{subject}\n\n{body}', 'txt'))
    assert [(m.surface, m.page) for m in parse(geoparser, att).mentions] == expected_pages(geoparser, AR_PAGES)
    out = tmp_path / 'out'
    p = geo(['map', path, '-o', out, '--formats', 'geojson'], geo_env)
    assert p.returncode == 0, p.stderr
    assert (out / 'message.geojson').exists() and len(list(out.glob('message*report.pdf*.geojson'))) == 1


def test_an_html_email_reads_its_visible_text(geoparser, tmp_path):
    path = tmp_path / 'html.eml'
    path.write_bytes(S.eml_file('Convoy', 'وصل الوفد إلى الموصل.\nثم إلى أربيل.', {}, html=True))
    item = read_one(path)
    assert 'الموصل' in item.text and '<p>' not in item.text


def test_a_batch_folder_reads_every_format_in_subfolders(geo_env, tmp_path):
    src = tmp_path / 'in'
    (src / 'pdfs').mkdir(parents=True)
    (src / 'mail' / 'march').mkdir(parents=True)
    (src / 'note.txt').write_text(as_txt(AR_PAGES), encoding='utf-8')
    (src / 'pdfs' / 'report.pdf').write_bytes(S.matplotlib_pdf(AR_PAGES))
    (src / 'pdfs' / 'scan.pdf').write_bytes(S.scan_pdf())
    (src / 'brief.docx').write_bytes(S.docx_file('سوريا', ['حلب'], [['الرقة']], ['الموصل']))
    (src / 'mail' / 'march' / 'm.eml').write_bytes(S.eml_file('حلب', 'الموصل وأربيل', {'r.pdf': S.fpdf_pdf(AR_PAGES)}))
    out = tmp_path / 'out'
    p = geo(['batch', src, '-o', out, '--formats', 'geojson,csv', '--workers', '1'], geo_env)
    assert p.returncode == 2, p.stderr          # the scan is an error record; the rest are parsed
    done = {json.loads(ln)['id']: json.loads(ln) for ln in (out / 'places.jsonl').read_text(encoding='utf-8').splitlines()}
    errors = [json.loads(ln) for ln in (out / 'errors.jsonl').read_text(encoding='utf-8').splitlines()]
    assert set(done) == {'note', 'pdfs/report', 'brief', 'mail/march/m', 'mail/march/m#r.pdf'}
    assert [e['id'] for e in errors] == ['pdfs/scan'] and 'no text layer' in errors[0]['error']
    pages = [(t['text'], t['page']) for t in done['pdfs/report']['toponyms']]
    assert ('حلب', 1) in pages and ('الموصل', 2) in pages
    assert [t['text'] for t in done['note']['toponyms']] == [t['text'] for t in done['pdfs/report']['toponyms']]


def test_an_outlook_msg_and_its_pdf_attachment(geoparser, tmp_path):
    body = 'وصل الوفد إلى الموصل قادماً من أربيل.'
    path = tmp_path / 'note.msg'
    path.write_bytes(S.msg_file('تقرير من العراق', body, {'report.pdf': S.fpdf_pdf(AR_PAGES)}))
    from geo.inputs import iter_items
    msg, att = iter_items(path)
    assert (msg.id, att.id) == ('note', 'note#report.pdf') and msg.ok and att.ok
    assert msg.text == f'تقرير من العراق\n\n{body}' and msg.meta['date'] == '2026-03-04'
    assert found(parse(geoparser, msg)) == found(geoparser.parse(msg.text, 'txt'))
    assert [(m.surface, m.page) for m in parse(geoparser, att).mentions] == expected_pages(geoparser, AR_PAGES)


def test_an_email_with_only_an_attachment_gives_the_attachment(tmp_path):
    path = tmp_path / 'bare.eml'
    path.write_bytes(S.eml_file('', '', {'r.pdf': S.fpdf_pdf(AR_PAGES)}))
    from geo.inputs import iter_items
    (att,) = iter_items(path)
    assert att.id == 'bare#r.pdf' and att.ok and len(att.meta['pages']) == 2
