"""The title of a document's maps: --title, else the record's title, else the text's headline (its
first line when it reads like one), else the file name without its extension.  Texts written for
these tests; the CLI runs for real on the fixture index."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from geo.model import Result
from geo.outputs import map_title

AR_HEADLINE = 'غارات على دير الزور وريفها الشرقي'
AR_TEXT = AR_HEADLINE + '\nقالت مصادر محلية إن غارات جوية استهدفت مدينة دير الزور مساء الثلاثاء.\n'
EN_HEADLINE = 'Floods cut roads around Mosul and Erbil'
EN_TEXT = f'\n{EN_HEADLINE}\n\nHeavy rain flooded roads between Mosul and Erbil on Tuesday, officials said.\n'
NO_HEADLINE = ('Aid agencies sent trucks of food from Erbil to Mosul on Tuesday.\n'
               'The convoy stopped in two towns on the way.\n')


@pytest.mark.parametrize('text, meta, title', [
    (AR_TEXT, None, AR_HEADLINE),
    (EN_TEXT, None, EN_HEADLINE),
    ('# ' + EN_TEXT.strip(), None, EN_HEADLINE),                         # a Markdown heading
    (NO_HEADLINE, None, 'report.en'),                                   # a sentence, not a headline
    (EN_HEADLINE + '\n', None, 'report.en'),                            # nothing after it
    ('ERBIL, Iraq —\nAid agencies sent trucks to Mosul.\n', None, 'report.en'),     # a dateline
    ('Heavy rain flooded the roads between Mosul and\nErbil on Tuesday, officials said.\n', None, 'report.en'),
    ('Heavy rain flooded the roads between Mosul\nand Erbil on Tuesday, officials said.\n', None, 'report.en'),
    (' '.join(['word'] * 21) + '\nMore text.\n', None, 'report.en'),   # too many words
    ('Talks resume... in Geneva\nDelegates met on Monday.\n', None, 'Talks resume... in Geneva'),
    (NO_HEADLINE, {'title': '  Trucks  reach Mosul '}, 'Trucks reach Mosul'),      # the record's title
    (EN_TEXT, {'title': 'From the record'}, 'From the record'),
])
def test_map_title(text, meta, title):
    assert map_title(Result(id='report.en', text=text, lang='en'), meta) == title


def _html_title(path) -> str:
    return re.search(r'<title>([^<]*)</title>', path.read_text(encoding='utf-8')).group(1)


def run(args, env):
    return subprocess.run([sys.executable, '-m', 'geo.cli', *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=120)


def test_geo_map_titles_a_map_by_its_headline_else_its_file_name(tmp_path, geo_env):
    for name, text, title in [('floods.ar.txt', AR_TEXT, AR_HEADLINE), ('floods.en.txt', EN_TEXT, EN_HEADLINE),
                              ('convoy.en.txt', NO_HEADLINE, 'convoy.en')]:
        (tmp_path / name).write_text(text, encoding='utf-8')
        p = run(['map', tmp_path / name, '-o', tmp_path / 'out', '--formats', 'html,svg', '-q'], geo_env)
        assert p.returncode == 0, p.stderr
        stem = name.removesuffix('.txt')
        assert _html_title(tmp_path / 'out' / f'{stem}.html') == title
        svg = (tmp_path / 'out' / f'{stem}.svg').read_text(encoding='utf-8')
        assert f'>{title}</text>' in svg
    record = tmp_path / 'one.jsonl'
    record.write_text(json.dumps({'id': '000_1bda', 'title': 'Rain in Mosul', 'text': NO_HEADLINE}) + '\n',
                      encoding='utf-8')
    p = run(['map', record, '-o', tmp_path / 'out', '--formats', 'html', '-q'], geo_env)
    assert p.returncode == 0, p.stderr
    assert _html_title(tmp_path / 'out' / '000_1bda.html') == 'Rain in Mosul'
    given = run(['map', tmp_path / 'floods.en.txt', '-o', tmp_path / 'given', '--formats', 'html', '-q',
                 '--title', 'My title'], geo_env)
    assert given.returncode == 0 and _html_title(tmp_path / 'given' / 'floods.en.html') == 'My title'


def test_help_says_how_the_title_is_chosen(geo_env):
    p = run(['map', '--help'], geo_env)
    assert p.returncode == 0
    text = ' '.join(p.stdout.split())
    assert 'headline' in text and 'file name without its extension' in text


def test_a_long_title_fits_the_page():
    """A title wider than the page is drawn smaller, then shortened at a word, never cut by the edge."""
    import matplotlib.pyplot as plt

    from geo.maps.static import draw
    r = Result(id='long', text='No places here.', lang='en')
    fig = draw(r, title=' '.join(['Floods'] * 40), size='A5', dpi=60)
    try:
        head = next(t for t in fig.texts if t.get_text().startswith('Floods'))
        box = head.get_window_extent(renderer=fig.canvas.get_renderer())
        assert head.get_text().endswith(' …') and box.x1 <= fig.bbox.x1
    finally:
        plt.close(fig)
