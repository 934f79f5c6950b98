"""Arabic from PDF text layers (geo.inputs.rtl): presentation forms folded to letters, a page
read backwards detected and put back in logical order, Latin words and numbers inside it kept
left to right, a letter kept with its vowel marks, brackets mirrored."""
from __future__ import annotations

from inputs_samples import FORMS_RE, presentation_forms
from geo.inputs.rtl import fold_forms, is_visual, logical_page, visual_to_logical

LINE = 'قصفت الطائرات مدينة حلب (شمال سوريا) يوم 12 آذار 2026، وقال مسؤول في UN OCHA إن الوفد وصل.'


def visual(line: str) -> str:
    """What a PDF text layer in visual order gives for a line we know: the inverse of the fix."""
    return visual_to_logical(line)        # the transform is its own inverse on these lines


def test_presentation_forms_fold_to_letters():
    forms = presentation_forms(LINE)
    assert FORMS_RE.search(forms) and forms != LINE
    assert fold_forms(forms) == LINE
    assert fold_forms('\ufefb') == 'لا' and fold_forms('\ufe70') == '\u064b'    # lam-alef; a spacing mark
    assert fold_forms('Aleppo ﬁ') == 'Aleppo ﬁ'                               # Latin ligatures untouched


def test_a_visual_line_reads_backwards_and_is_put_back():
    back = visual(LINE)
    assert back != LINE and back.startswith('.لصو') and 'UN OCHA' in back and '2026' in back and ')' in back
    assert is_visual(back) and not is_visual(LINE)
    assert visual_to_logical(back) == LINE


def test_a_letter_keeps_its_marks():
    text = 'أمطاراً غزيرةٌ في إدلبَ وسوريا'
    assert visual_to_logical(visual_to_logical(text)) == text
    assert 'اً' in visual_to_logical(visual_to_logical(text))


def test_a_page_is_fixed_line_by_line_and_english_lines_stay():
    page = '\n'.join([visual(LINE), 'Situation report, page 2', visual('وصل الوفد إلى الموصل قادماً من أربيل.')])
    text, backwards = logical_page(page)
    assert backwards
    assert text.split('\n') == [LINE, 'Situation report, page 2', 'وصل الوفد إلى الموصل قادماً من أربيل.']
    assert logical_page(LINE) == (LINE, False)
    assert logical_page('Aleppo and Mosul') == ('Aleppo and Mosul', False)
