def spans(result):
    return [(m.surface, result.places[m.place].name if m.place is not None else None) for m in result.mentions]


def test_arabic_sentence(geoparser):
    text = 'قصفت طائرات حربية مدينة دير الزور وبلدة الميادين، ووصل الوزير إلى موسكو يوم الخميس.'
    r = geoparser.parse(text, 'a1')
    got = spans(r)
    assert ('دير الزور', 'Deir ez-Zor') in got
    assert ('الميادين', 'Al Mayadin') in got
    assert ('موسكو', 'Moscow') in got
    assert not any(s == 'الخميس' for s, _ in got)
    for m in r.mentions:
        assert text[m.start:m.end] == m.surface


def test_governorate_cue_prefers_the_province(geoparser):
    r = geoparser.parse('وأكدت مصادر من محافظة دير الزور أن القصف استمر.')
    (m,) = [m for m in r.mentions if 'دير الزور' in m.surface]
    assert r.places[m.place].type == 'admin1'


def test_nisba_adjective_is_not_a_place(geoparser):
    r = geoparser.parse('قالت الحكومة السورية إن الوفد السوري وصل إلى سورية.')
    assert [m.surface for m in r.mentions] == ['سورية']


def test_proclitic_offsets(geoparser):
    text = 'عاد وفد من بالرقة إلى حلب'
    r = geoparser.parse(text)
    assert [text[m.start:m.end] for m in r.mentions] == ['الرقة', 'حلب']


def test_english_sentence(geoparser):
    text = 'Aid reached Mosul and Erbil in Iraq on Tuesday, as talks resumed in Geneva.'
    r = geoparser.parse(text, 'e1')
    assert r.lang == 'en'
    assert {s for s, _ in spans(r)} == {'Mosul', 'Erbil', 'Iraq', 'Geneva'}


def test_frequent_word_is_not_a_foreign_town(geoparser):
    r = geoparser.parse('وقال إن الطائرات عادت إلى سورية')
    assert [m.surface for m in r.mentions] == ['سورية']
