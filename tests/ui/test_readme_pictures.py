"""`make screenshots` makes every picture the README shows, from the example body."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QImage

from ui.readme_pictures import PICTURES, make_pictures

ROOT = Path(__file__).parents[2]


def readme_pictures() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"!\[[^\]]*\]\(docs/([^)]+)\.png\)", text)


def test_the_readme_shows_exactly_the_pictures_make_screenshots_makes():
    assert sorted(readme_pictures()) == sorted(PICTURES)
    assert sorted(p.stem for p in (ROOT / "docs").glob("*.png")) == sorted(PICTURES)


def test_make_screenshots_makes_every_picture(qapp, tmp_path):
    out = tmp_path / "docs"

    made = make_pictures(out, scratch=tmp_path / "scratch")

    assert [p.stem for p in made] == list(PICTURES)
    sizes = {p.stem: QImage(str(p)).size() for p in made}
    assert all(not size.isEmpty() for size in sizes.values()), sizes
    windows = (
        "meeting",
        "agenda",
        "attendance",
        "live",
        "minutes",
        "reports",
        "search",
        "body",
        "plans",
    )
    for window in windows:
        assert (sizes[window].width(), sizes[window].height()) == (1280, 820), window
    assert sizes["minutes-pdf"].height() > sizes["minutes-pdf"].width()  # an A4 page upright
    assert sizes["action-log-pdf"].width() > sizes["action-log-pdf"].height()  # landscape
    assert not (tmp_path / "scratch").exists()

    # Made again, the pictures are the same: the story runs on its own clock, so the times
    # Conflicts… shows and the live mode's clock do not follow the day it is run. (Only the
    # signed preview's certificate, a key made afresh, differs.)
    again = make_pictures(tmp_path / "again", scratch=tmp_path / "scratch")
    changed = [p.stem for p, q in zip(made, again, strict=True) if p.read_bytes() != q.read_bytes()]
    assert changed == ["signed-preview"]
