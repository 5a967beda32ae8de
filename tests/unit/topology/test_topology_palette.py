"""VLAN colours: readable on both themes, distinct for common runs."""

from __future__ import annotations

import re

from kvmgui.topology.palette import UNTAGGED_COLOR, contrast_ratio, relative_luminance, vlan_color


def test_every_vlan_colour_reads_on_light_and_dark_backgrounds() -> None:
    for vlan in [None, *range(1, 4095)]:
        color = vlan_color(vlan)
        assert re.fullmatch(r"#[0-9a-f]{6}", color)
        assert contrast_ratio(color, "#ffffff") >= 3.0, vlan
        assert contrast_ratio(color, "#121212") >= 3.0, vlan


def test_common_vlan_runs_get_different_colours() -> None:
    for run in ([1, 2, 3, 4], [10, 20, 30, 40], [100, 200, 300], [10, 11, 12]):
        colors = [vlan_color(vlan) for vlan in run]
        assert len(set(colors)) == len(colors), run
    assert vlan_color(10) == vlan_color(10) and vlan_color(None) == UNTAGGED_COLOR


def test_luminance_reference_values() -> None:
    assert relative_luminance("#ffffff") == 1.0 and relative_luminance("#000000") == 0.0
    assert round(contrast_ratio("#000000", "#ffffff"), 2) == 21.0
