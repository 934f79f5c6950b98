"""Arabic names of first-level units from a Natural Earth admin-1 table (a GeoParquet file like
the one `giso` ships; here a small one we write): which names join which GeoNames units."""
import pytest

pa = pytest.importorskip('pyarrow')
pq = pytest.importorskip('pyarrow.parquet')

from gazetteer.place import Place
from gazetteer.sources.ne_admin1 import NaturalEarthAdmin1, forms


def test_a_name_is_also_taken_without_its_type_word_and_tail():
    assert forms('ولاية أوهايو') == ('ولاية أوهايو', 'أوهايو')
    assert forms('منطقة التبت ذاتية الحكم') == ('منطقة التبت ذاتية الحكم', 'التبت')
    assert forms('بافاريا') == ('بافاريا',)


@pytest.fixture()
def table(tmp_path):
    rows = [  # gn_id, name_ar, scalerank
        (5165418, 'ولاية أوهايو', 2),        # a major unit, a new name
        (1, 'بلدية زيلوب', 8),                # a minor unit: left out
        (2, 'ميه', 6),                        # Mie: minor, and مئة "hundred" folds alike
        (3, 'ميه', 2),                        # ... and left out for that even when major
        (4, 'الساحل الغربي', 3),             # common words only
        (5, 'نيويورك', 2),                    # a name another place has already
        (6, 'المنطقة الصومالية', 3),        # common words; its short form an adjective
        (7, 'كوينزلاند', 2),
        (8, 'البحيرات', 3),                   # the plural of بحيرة "lake"
        (9, 'فوج', 3),                        # a unit GeoNames has at the second level
        (10, 'لويزيانا', 2),                  # a small town elsewhere has the name: shared
        (11, 'تمبكتو', 2),                    # the town inside the unit has it: not shared
        (999, 'مكان بلا وحدة', 2),            # no such unit in the index
    ]
    path = tmp_path / 'admin1.parquet'
    pq.write_table(pa.table({'gn_id': [float(r[0]) for r in rows], 'name_ar': [r[1] for r in rows],
                             'scalerank': [r[2] for r in rows]}), path)
    return path


def test_only_new_uncommon_names_of_major_units_join_their_units(table):
    places = [Place(id=f'gn:{i}', name=f'unit {i}', lat=0.0, lon=0.0, type='admin1', country='US')
              for i in (5165418, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11)]
    places.append(Place(id='gn:20', name='Louisiana', lat=39.4, lon=-91.1, type='village', country='US',
                        admin1='Missouri', population=3296, name_ar='لويزيانا'))
    places.append(Place(id='gn:21', name='Timbuktu', lat=16.8, lon=-3.0, type='town', country='US',
                        admin1='unit 11', population=84208, name_ar='تمبكتو'))
    places.append(Place(id='gn:9', name='Vosges', lat=48.2, lon=6.3, type='admin2'))
    places.append(Place(id='gn:5128581', name='New York City', lat=40.7, lon=-74.0, type='city', country='US',
                        population=8_000_000, name_ar='نيويورك'))
    got = {p.id: p.names for p in NaturalEarthAdmin1(table).derive(places)}
    # ولاية أوهايو is all common words for wordfreq (أوهايو is common in the news): the short form
    # joins; المنطقة الصومالية is common words, and الصومالية an adjective: nothing joins
    assert got == {'gn:5165418': ('أوهايو',), 'gn:7': ('كوينزلاند',), 'gn:10': ('لويزيانا',)}


def test_without_the_file_the_source_gives_nothing(tmp_path):
    src = NaturalEarthAdmin1(tmp_path / 'missing.parquet')
    src.path = None
    assert list(src.derive([Place(id='gn:1', name='x', lat=0.0, lon=0.0)])) == []
