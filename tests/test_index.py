from gazetteer.keys import fold


def test_exact_lookup_in_arabic_and_latin(tiny_index):
    names = {m.place.name for m in tiny_index.exact('دير الزور')}
    assert {'Deir ez-Zor', 'Deir ez-Zor Governorate'} <= names
    assert {m.place.name for m in tiny_index.exact('Arbil')} == {'Erbil'}
    assert [m.place.name for m in tiny_index.exact('سورية')] == ['Syria']


def test_run_together_spelling_finds_the_place(tiny_index):
    assert 'Deir ez-Zor' in {m.place.name for m in tiny_index.exact('ديرالزور')}


def test_fuzzy_finds_near_misses(tiny_index):
    got = tiny_index.fuzzy('Damascus Aleppp', score_cutoff=70) + tiny_index.fuzzy('Aleppp', score_cutoff=80)
    assert 'Aleppo' in {m.place.name for m in got}
    assert all(m.kind == 'fuzzy' for m in tiny_index.fuzzy('Aleppp', score_cutoff=80))


def test_by_id_and_near(tiny_index):
    p = tiny_index.by_id('u:dez')
    assert p is not None and p.name == 'Deir ez-Zor' and p.country == 'SY'
    near = tiny_index.near(35.34, 40.15, radius_km=10)
    assert [x.name for x, _ in near][:2] == ['Deir ez-Zor', 'Hatla'] or near[0][0].name == 'Deir ez-Zor'
    assert all(d <= 10 for _, d in near)
    assert tiny_index.near(0.0, -150.0, radius_km=50) == []


def test_overlay_places_come_first(tiny_index):
    from gazetteer.index import Index
    from gazetteer.place import Place

    ix = Index(tiny_index.path, overlay=[Place('u:x', 'Quriyah', 34.98, 40.52, type='town', names=('القورية',))])
    assert ix.exact('القورية')[0].place.id == 'u:x'
    assert fold('القورية') not in tiny_index   # the shared index is untouched


def test_label_and_core_read_what_the_full_record_holds(tiny_index):
    from gazetteer.index import Label
    from gazetteer.place import Place

    ix = type(tiny_index)(tiny_index.path, overlay=[Place('u:lab', 'Labelled', 1.5, 2.25, bbox=(1.0, 2.0, 3.0, 4.0))])
    for row in range(len(ix)):
        p, lab, core = ix.place(row), ix.label(row), ix.core(row)
        want = tuple(getattr(p, f) for f in Label._fields)
        assert repr(tuple(lab)) == repr(want)       # same values, same types (tuples, not lists)
        assert (core.lat, core.lon, core.population, core.type, core.seat, core.country) == (
            p.lat, p.lon, p.population, p.type, p.seat, p.country)


def test_key_start_answers_keys_and_their_first_words(tiny_index):
    key = fold('دير الزور')
    assert tiny_index.key_start(key) and tiny_index.key_start(key.split(' ')[0])
    assert not tiny_index.key_start('qqqzzz')


def test_label_without_sqlite_json_reads_the_full_record(tiny_index, monkeypatch):
    import gazetteer.index

    want = tiny_index.label(0)
    monkeypatch.setattr(gazetteer.index, '_LABEL_SQL', 'SELECT no_json_here(data) FROM place WHERE row = ?')
    ix = type(tiny_index)(tiny_index.path)
    assert ix.label(0) == want and not ix._json_sql
