"""GeoPackage export: a real GPKG that GDAL reads back, points in EPSG:4326, same columns as the CSV."""


def test_gpkg_reads_back(geoparser, tmp_path):
    import pyogrio

    from geo.export.csv import COLUMNS
    from geo.export.gpkg import write

    docs = [geoparser.parse('Aid reached Mosul and Erbil in Iraq.', 'en-1'),
            geoparser.parse('وصل الوفد إلى حلب قادماً من موسكو.', 'ar-1')]
    path = write(docs, tmp_path / 'places.gpkg', metas=[{'date': '2024-01-01'}, {}])
    info = pyogrio.read_info(path)
    assert info['layer_name'] == 'places' and info['geometry_type'] == 'Point'
    assert info['features'] == sum(len(d.places) for d in docs)
    assert list(info['fields']) == list(COLUMNS)
    assert 'EPSG:4326' in info['crs']
    df = pyogrio.read_dataframe(path)
    moscow = df[df['name'] == 'Moscow'].iloc[0]
    assert (round(moscow.geometry.x, 3), round(moscow.geometry.y, 3)) == (37.616, 55.752)
    assert moscow['name_ar'] == 'موسكو' and moscow['document'] == 'ar-1'
    assert not [p for p in tmp_path.iterdir() if p.name.startswith('.')]   # no temporary left behind


def test_empty_gpkg_has_the_schema(tmp_path):
    import pyogrio

    from geo.export.gpkg import write

    path = write([], tmp_path / 'empty.gpkg')
    info = pyogrio.read_info(path)
    assert info['features'] == 0 and info['geometry_type'] == 'Point'
