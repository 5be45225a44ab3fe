"""`python main.py screenshot`: the real window, rendered offscreen into a PNG."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from desktop_app.errors import ValidationError
from desktop_app.storage.database import close_database
from ui.screenshot import save_screenshot


@pytest.fixture
def folder(tmp_path):
    yield tmp_path / "data"
    close_database()


def test_a_new_folder_is_pictured_with_the_example_meeting(qapp, folder, tmp_path):
    out = tmp_path / "window.png"
    save_screenshot(data_dir=folder, out=out)
    picture = QImage(str(out))
    assert not picture.isNull()
    assert picture.width() >= 1000 and picture.height() >= 700


def test_an_unknown_meeting_date_is_explained(qapp, folder, tmp_path):
    with pytest.raises(ValidationError, match="has no meeting on 2013-01-01"):
        save_screenshot(
            data_dir=folder,
            out=tmp_path / "x.png",
            body="Maidstone Locality Board",
            date="2013-01-01",
        )
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize("view", ["agenda", "attendance", "interests", "live"])
def test_each_view_of_the_example_meeting_can_be_pictured(qapp, folder, tmp_path, view):
    out = tmp_path / f"{view}.png"
    save_screenshot(data_dir=folder, out=out, view=view)
    assert not QImage(str(out)).isNull()
