"""Chart colours read in light and dark palettes and follow a switch between them."""

from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kvmgui.ui.performance.charts import ChartPanel, CurveSpec, percent
from kvmgui.ui.performance.theme import chart_theme
from kvmgui.ui.theme import contrast_ratio, fusion_palette


@pytest.fixture
def restore_palette() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = app.palette()
    yield
    app.setPalette(saved)


@pytest.mark.parametrize("dark", [False, True])
def test_every_series_colour_stands_out_from_the_plot(dark: bool) -> None:
    theme = chart_theme(fusion_palette(dark))
    assert theme.dark == dark
    for colour in theme.series:
        assert contrast_ratio(colour, theme.background) >= 3.0, colour.name()
    assert contrast_ratio(theme.foreground, theme.background) >= 4.5
    assert len({c.name() for c in theme.series}) == len(theme.series)


def test_charts_follow_a_switch_to_dark(qtbot: QtBot, restore_palette: None) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setPalette(fusion_palette(False))
    panel = ChartPanel()
    qtbot.addWidget(panel)
    plot = panel.add_plot("CPU", "%", None, percent, 100.0)
    plot.set_curves([CurveSpec("a", "A", 0), CurveSpec("b", "B", 1, dashed=True)])
    x = np.arange(10.0) + 1.7e9
    plot.set_data(x, {"a": x * 0 + 10, "b": x * 0 + 20}, (x[0], x[-1]))
    panel.show()
    assert not panel.theme.dark
    light_pen = plot.item.listDataItems()[0].opts["pen"].color().name()
    app.setPalette(fusion_palette(True))
    qtbot.waitUntil(lambda: panel.theme.dark)
    dark = chart_theme(fusion_palette(True))
    pens = [item.opts["pen"].color().name() for item in plot.item.listDataItems()]
    assert pens == [dark.color(0).name(), dark.color(1).name()]
    assert pens[0] != light_pen
    assert panel.view.backgroundBrush().color().name() == dark.background.name()
