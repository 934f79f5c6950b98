"""Result -> maps.  A one-way stack, each module importing only those below it:

  static.py    a static page (PNG/SVG/PDF): title, main map, credits; uses
    insets.py    the locator and the detail map    legend.py   the legend (a LegendContent)
    page.py      paper sizes and the page layout   labels.py   label placement
    layers.py    drawing on one axes: basemap, areas, place symbols
    reference.py the gazetteer's largest places in the frame, grey (from a source the caller hands in)
    rivers.py    the names of the basemap's rivers (rivers.toml: names and points on their courses)
  html.py      one document's interactive map; uses html_basemap.py (Natural Earth as GeoJSON),
               html_panel.py (symbols, list of places, legend), html_popup.py (popups)
  combined.py  a corpus's map (HTML and PNG) from the batch's per-place aggregate
  web.py       what both HTML maps share: inlined Leaflet/jQuery, safe(), script_json()
  extent.py    the document's focus and what each map shows (Plan)
  projection.py, fonts.py, basemap.py (offline layers, country names and outlines)
  style.py     the vocabulary of every map: area types, colours, symbols, sizes, words
  spelling.py  the maps' view of a Result: places named as the text spells them (as_written)
"""
