"""The one-line result of the integration tier at the end of a pytest run.

A tier that could not run (no daemon, not root) must be visible, not hidden among the
other tiers' passes: the line states its counts and the distinct skip reasons.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path


def _in_tier(report: object, rootpath: Path, tier_dir: Path) -> bool:
    nodeid = getattr(report, "nodeid", "") or ""
    file_part = nodeid.split("::", 1)[0]
    return bool(file_part) and (rootpath / file_part).resolve().is_relative_to(tier_dir)


def _skip_reason(report: object) -> str:
    longrepr = getattr(report, "longrepr", None)
    # A skip's longrepr is (path, lineno, message).
    message = str(longrepr[2]) if isinstance(longrepr, tuple) and len(longrepr) == 3 else "?"
    return message.removeprefix("Skipped: ").removeprefix("integration tier: ")


def tier_summary(stats: Mapping[str, Sequence[object]], rootpath: Path, tier_dir: Path) -> str:
    tier = {category: [r for r in reports if _in_tier(r, rootpath, tier_dir)]
            for category, reports in stats.items()}
    counts = {category: len(reports) for category, reports in tier.items()}
    ran = sum(counts.get(c, 0) for c in ("passed", "failed", "error", "skipped", "xfailed",
                                         "xpassed"))
    if ran == 0:
        return "integration tier: not run (no integration test was selected)"
    line = (f"integration tier: {counts.get('passed', 0)} passed, "
            f"{counts.get('failed', 0)} failed, {counts.get('error', 0)} errors, "
            f"{counts.get('skipped', 0)} skipped")
    reasons = Counter(_skip_reason(report) for report in tier.get("skipped", []))
    if reasons:
        line += " (" + "; ".join(f"{n}x {reason}" for reason, n in reasons.most_common()) + ")"
    return line
