"""The baked icons: one per meaning and size, and `make icons` changes only what changed."""

import shutil
from pathlib import Path

from PySide6.QtGui import QImage

from ui.icons import COLOUR, FOLDER, GLYPHS, SIZES, bake, icon, path_of


def test_every_icon_is_baked_at_every_size(qapp):
    for meaning in GLYPHS:
        assert all(path_of(meaning, size).is_file() for size in SIZES), meaning
        assert not icon(meaning).isNull()
        assert len(icon(meaning).availableSizes()) == len(SIZES)


def baked_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "icons"
    shutil.copytree(FOLDER, folder)
    return folder


def test_baking_with_nothing_changed_changes_no_file(qapp, tmp_path):
    """`make icons` leaves the tracked icons as they are (it rewrote half of them)."""
    folder = baked_copy(tmp_path)

    assert bake(folder) == []

    for path in FOLDER.glob("*.png"):
        assert (folder / path.name).read_bytes() == path.read_bytes(), path.name


def test_every_pixel_of_an_icon_is_the_icon_colour(qapp, tmp_path):
    folder = tmp_path / "icons"
    bake(folder)
    picture = QImage(str(path_of("undo", 64, folder)))
    colours = {picture.pixelColor(x, y).name() for x in range(64) for y in range(64)}
    assert colours == {COLOUR}
    assert len({picture.pixelColor(x, y).alpha() for x in range(64) for y in range(64)}) > 2


def test_an_icon_whose_meaning_is_gone_is_removed(qapp, tmp_path):
    folder = baked_copy(tmp_path)
    (folder / "gavel-16.png").write_bytes((FOLDER / "undo-16.png").read_bytes())
    bake(folder)
    assert not (folder / "gavel-16.png").exists()
    assert len(list(folder.glob("*.png"))) == len(GLYPHS) * len(SIZES)
