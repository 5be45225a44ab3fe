"""The minute's text boxes: plain text with simple marks, saved when the clerk pauses."""

from PySide6.QtCore import Qt

from ui.text_box import TextBox


def test_ctrl_b_and_ctrl_i_mark_the_selection(qtbot):
    box = TextBox()
    qtbot.addWidget(box)
    qtbot.keyClicks(box, "approved")
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert box.toPlainText() == "**approved**"
    qtbot.keyClick(box, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert box.toPlainText() == "**approved****"


def test_typing_is_saved_once_after_a_pause(qtbot):
    box = TextBox()
    qtbot.addWidget(box)
    saved = []
    box.committed.connect(saved.append)
    qtbot.keyClicks(box, "Noted")
    qtbot.waitUntil(lambda: saved == ["Noted"], timeout=3000)
    box.commit()
    assert saved == ["Noted"]
