"""Which PDF text extractor gives the right letters in logical order, and how fast: pypdf,
pdfminer.six, pdfplumber and pypdfium2 on PDFs we generate (tests/inputs_samples.py): English,
Arabic with a logical text layer, Arabic presentation forms, Arabic shaped by matplotlib (a
visual-order text layer).  For each: the share of the source's words found as written (after
geo.inputs.pdf's fold and order fix, and raw), and milliseconds per page.  Run by hand or by
`make bench`; figures go to the closing note of issue 18, not to an assertion."""
from __future__ import annotations

import io
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'tests'))

import inputs_samples as S  # noqa: E402


def words(text: str) -> list[str]:
    return re.findall(r'\w+', text)


def recall(source: str, got: str) -> float:
    want = words(source)
    have = set(words(got))
    return sum(w in have for w in want) / len(want)


def with_pypdf(data: bytes) -> list[str]:
    import pypdf
    return [p.extract_text() or '' for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def with_pdfminer(data: bytes) -> list[str]:
    from pdfminer.high_level import extract_text
    return extract_text(io.BytesIO(data)).split('\f')


def with_pdfplumber(data: bytes) -> list[str]:
    import pdfplumber
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [p.extract_text() or '' for p in pdf.pages]


def with_pypdfium2(data: bytes) -> list[str]:
    import pypdfium2
    doc = pypdfium2.PdfDocument(data)
    return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]


def main() -> None:
    from geo.inputs.pdftext import fix_page, read

    ar, en = S.paragraphs(S.AR_TEXT), S.paragraphs(S.EN_TEXT)
    docs = {
        'English (fpdf2)': (S.fpdf_pdf([en[:2], en[2:]], arabic=False), S.EN_TEXT),
        'English (matplotlib)': (S.matplotlib_pdf([en[:2], en[2:]]), S.EN_TEXT),
        'Arabic, logical layer (fpdf2)': (S.fpdf_pdf([ar[:2], ar[2:]]), S.AR_TEXT),
        'Arabic, presentation forms (fpdf2)': (S.fpdf_pdf([[S.presentation_forms(x) for x in ar[:2]],
                                                          [S.presentation_forms(x) for x in ar[2:]]]), S.AR_TEXT),
        'Arabic, visual layer (matplotlib)': (S.matplotlib_pdf([ar[:2], ar[2:]]), S.AR_TEXT),
    }
    libs = {'geo (pdfminer.six, our layout + fixes)': lambda d: read(d, 'bench')[0]['text'].split('\n\n'),
            'pypdf': with_pypdf, 'pdfminer.six': with_pdfminer, 'pdfplumber': with_pdfplumber,
            'pypdfium2': with_pypdfium2}
    print('| document | library | words right, raw | words right, after fold + order fix | ms/page |')
    print('|---|---|---|---|---|')
    for name, (data, source) in docs.items():
        for lib, fn in libs.items():
            fn(data)                                   # warm up (imports)
            t0 = time.perf_counter()
            for _ in range(5):
                pages = fn(data)
            ms = (time.perf_counter() - t0) / 5 / max(1, len(pages)) * 1000
            raw = '\n'.join(pages)
            fixed = '\n'.join(fix_page(p)[0] for p in pages)
            print(f'| {name} | {lib} | {recall(source, raw):.0%} | {recall(source, fixed):.0%} | {ms:.1f} |')
    other_formats()


def timed(fn, n: int = 5) -> tuple[object, float]:
    fn()
    t0 = time.perf_counter()
    for _ in range(n):
        out = fn()
    return out, (time.perf_counter() - t0) / n * 1000


def other_formats() -> None:
    """DOCX, e-mail and the sandbox: what each reader gives and its time."""
    from geo.inputs import mail, word
    from geo.inputs.sandbox import run

    ar = S.paragraphs(S.AR_TEXT)
    docx = S.docx_file('تقرير', ar[:2], [['حلب', 'الرقة']], ar[2:])
    pdf = S.matplotlib_pdf([ar[:2], ar[2:]])
    eml = S.eml_file('تقرير', S.AR_TEXT, {'r.pdf': pdf})
    msg = S.msg_file('تقرير', S.AR_TEXT, {'r.pdf': pdf})
    print()
    print('| reader | words right | ms |')
    print('|---|---|---|')
    out, ms = timed(lambda: word.read(docx, 'b')[0]['text'])
    print(f'| python-docx (geo.inputs.word), DOCX | {recall(S.AR_TEXT, out):.0%} | {ms:.1f} |')
    out, ms = timed(lambda: mail.read(eml, 'b', 'eml'))
    print(f'| email (stdlib, geo.inputs.mail), .eml + PDF attachment | {recall(S.AR_TEXT, out[0]["text"]):.0%} / {recall(S.AR_TEXT, out[1]["text"]):.0%} | {ms:.1f} |')
    try:
        import mailparser
        out, ms = timed(lambda: mailparser.parse_from_bytes(eml))
        print(f'| mail-parser, .eml body | {recall(S.AR_TEXT, out.body):.0%} | {ms:.1f} |')
    except ImportError:
        pass
    out, ms = timed(lambda: mail.read(msg, 'b', 'msg'))
    print(f'| olefile (geo.inputs.mail), .msg + PDF attachment | {recall(S.AR_TEXT, out[0]["text"]):.0%} / {recall(S.AR_TEXT, out[1]["text"]):.0%} | {ms:.1f} |')
    try:
        import tempfile

        import extract_msg
        with tempfile.NamedTemporaryFile(suffix='.msg') as f:
            f.write(msg)
            f.flush()
            try:
                m = extract_msg.openMsg(f.name)
                print(f'| extract-msg, .msg body | {recall(S.AR_TEXT, m.body or ""):.0%} | |')
            except Exception as e:
                print(f'| extract-msg, .msg | refused: {type(e).__name__} | |')
    except ImportError:
        pass
    for kind, data in (('pdf', pdf), ('docx', docx)):
        _, ms = timed(lambda: run(kind, data, 'b'), n=3)
        print(f'| sandbox (child process) + {kind} reader | | {ms:.0f} |')


if __name__ == '__main__':
    main()
