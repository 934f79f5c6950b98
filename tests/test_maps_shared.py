"""What the single-document and the corpus static maps share is one function each, called on its
own: the scale bar and north arrow (combined.py called StaticMap's method on the class, without
an instance)."""
from __future__ import annotations


def test_the_scale_bar_and_north_arrow_are_one_shared_function():
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    from matplotlib_scalebar.scalebar import ScaleBar

    from geo.maps.insets import scale_bar_and_north
    from geo.maps.static import StaticMap
    assert not hasattr(StaticMap, '_scale_bar_and_north')
    fig = plt.figure(figsize=(4, 3), dpi=50)
    try:
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, 50_000)
        ax.set_ylim(0, 40_000)
        scale_bar_and_north(ax, 1.0, 'lr', (0.9, 0.95))
        (bar,) = [a for a in ax.artists if isinstance(a, ScaleBar)]
        assert bar.location in ('lower right', 4)
        (north,) = [t for t in ax.texts if t.get_text() == 'N']
        assert north.xy == (0.9, 0.95)
    finally:
        plt.close(fig)


def test_the_corpus_map_draws_them_with_it():
    """combined.draw uses the shared function: its PNG has the scale bar and the north arrow."""
    import inspect

    from geo.maps import combined
    src = inspect.getsource(combined)
    assert 'StaticMap' not in src and 'scale_bar_and_north(' in src
