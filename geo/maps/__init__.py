"""Result -> maps.  html.py (folium, self-contained interactive map), static.py (PNG/SVG/PDF page:
main map, detail and locator insets from insets.py, legend.py, labels.py placement, layers.py
drawing), basemap.py (offline layers from installed packages), extent.py (the document's focus),
projection.py (a projection suited to the extent), style.py (symbols and words shared by every
map), fonts.py (fonts, PDF text layer, SVG fonts)."""
