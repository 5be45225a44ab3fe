"""The command line: in-process through `main([...])`, and as `python main.py` for exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.first_run import FLAG
from desktop_app.paths import EXAMPLE_FILE
from desktop_app.services.settings import get_setting
from desktop_app.storage import store
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import Body, Document, JournalEntry
from tests.exchange.papers import paper_pdf

ROOT = Path(__file__).parents[1]
COMMANDS = ("import", "export", "check", "backup", "screenshot")


@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path / "data"


def run(folder: Path, *argv: str) -> int:
    return main(["--data-dir", str(folder), *argv])


def one_sentence(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


def test_import_then_export_gives_the_record_back(folder, tmp_path, capsys):
    assert run(folder, "import", str(EXAMPLE_FILE)) == 0
    assert capsys.readouterr().out.startswith("Imported locality-board.json: Added ")
    out = tmp_path / "out.json"
    assert run(folder, "export", str(out), "--body", "Maidstone Locality Board") == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert [b["name"] for b in exported["bodies"]] == ["Maidstone Locality Board"]


def test_importing_twice_says_nothing_changed(folder, capsys):
    run(folder, "import", str(EXAMPLE_FILE))
    capsys.readouterr()
    assert run(folder, "import", str(EXAMPLE_FILE)) == 0
    assert "Nothing changed" in capsys.readouterr().out


def test_a_damaged_file_is_bad_input_and_changes_nothing(folder, tmp_path, capsys):
    run(folder, "import", str(EXAMPLE_FILE))
    open_database(folder)
    journal = JournalEntry.select().count()
    close_database()
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "minute-book/1", "people": [', encoding="utf-8")
    capsys.readouterr()

    assert run(folder, "import", str(broken)) == 2

    assert "not valid JSON" in one_sentence(capsys.readouterr().err)
    open_database(folder)
    assert JournalEntry.select().count() == journal
    close_database()


def test_a_refused_file_names_the_place_of_the_fault(folder, tmp_path, capsys):
    data = json.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))
    data["bodies"][0]["meetings"][1]["items"][2]["minute"] = "oops"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert run(folder, "import", str(bad)) == 2
    message = one_sentence(capsys.readouterr().err)
    assert message == "bodies[0].meetings[1].items[2].minute: expected an object"


def test_import_refuses_a_part_two_item_the_window_refuses(folder, tmp_path, capsys):
    data = json.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))
    data["bodies"][0]["meetings"][1]["items"][7]["confidential"] = True
    bad = tmp_path / "part-two.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert run(folder, "import", str(bad)) == 2
    assert one_sentence(capsys.readouterr().err) == (
        "bodies[0].meetings[1].items[7].exempt_paragraph: “Duration of Meeting” is "
        "confidential but gives no paragraph of Schedule 12A (1 to 7) as the reason, which a "
        "published agenda must give"
    )


def test_a_missing_file_is_bad_input(folder, tmp_path, capsys):
    assert run(folder, "import", str(tmp_path / "nowhere.json")) == 2
    assert one_sentence(capsys.readouterr().err).startswith("There is no file")


def test_an_unknown_body_is_bad_input(folder, tmp_path, capsys):
    run(folder, "import", str(EXAMPLE_FILE))
    assert run(folder, "export", str(tmp_path / "x.json"), "--body", "No Such Board") == 2
    assert one_sentence(capsys.readouterr().err) == "There is no body called No Such Board."


def test_a_command_on_a_folder_never_started_starts_it_with_the_example(folder, capsys):
    assert run(folder, "check") == 0
    assert one_sentence(capsys.readouterr().err) == (
        f"Started a new data folder in {folder}, with the example body."
    )
    assert run(folder, "export", str(folder.parent / "out.json")) == 0
    exported = json.loads((folder.parent / "out.json").read_text(encoding="utf-8"))
    example = json.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))
    assert sorted(b["name"] for b in exported["bodies"]) == sorted(
        b["name"] for b in example["bodies"]
    )


def test_check_passes_on_a_sound_folder(folder, capsys):
    run(folder, "import", str(EXAMPLE_FILE))
    assert run(folder, "check") == 0
    assert capsys.readouterr().out.strip().endswith("stored files match.")


def test_check_fails_when_a_stored_file_is_lost(folder, tmp_path, capsys):
    (tmp_path / "paper.pdf").write_bytes(paper_pdf("A paper"))
    data = json.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))
    item = data["bodies"][0]["meetings"][1]["items"][4]
    item["documents"] = [{"title": "Priorities", "file": "paper.pdf"}]
    (tmp_path / "with-paper.json").write_text(json.dumps(data), encoding="utf-8")
    run(folder, "import", str(tmp_path / "with-paper.json"))
    open_database(folder)
    store.path_of(Document.get().sha256).unlink()
    close_database()
    capsys.readouterr()

    assert run(folder, "check") == 1

    err = capsys.readouterr().err
    assert "The file of the document “Priorities” is missing" in err
    assert err.strip().splitlines()[-1].startswith("The check found 1 problem in")


def test_backup_writes_a_zip(folder, tmp_path, capsys):
    run(folder, "import", str(EXAMPLE_FILE))
    assert run(folder, "backup", "--out", str(tmp_path / "copy.zip")) == 0
    assert (tmp_path / "copy.zip").stat().st_size > 0
    assert "Backed up the database" in capsys.readouterr().out


def test_no_command_opens_the_window_with_the_data_folder(folder, monkeypatch):
    opened = []
    fake = types.ModuleType("ui.app")
    fake.run_app = lambda data_dir, exit_after_start: opened.append(data_dir) or 0
    monkeypatch.setitem(sys.modules, "ui.app", fake)
    assert run(folder) == 0
    assert opened == [folder]


def test_screenshot_passes_its_options_to_the_window(folder, tmp_path, monkeypatch):
    calls = []
    fake = types.ModuleType("ui.screenshot")
    fake.save_screenshot = lambda **options: calls.append(options)
    monkeypatch.setitem(sys.modules, "ui.screenshot", fake)
    out = tmp_path / "shot.png"
    argv = ["screenshot", str(out), "--body", "Board", "--date", "2012-12-17", "--view", "live"]
    assert run(folder, *argv) == 0
    assert calls == [dict(data_dir=folder, out=out, body="Board", date="2012-12-17", view="live")]


def test_an_unknown_command_is_bad_input(folder, capsys):
    assert run(folder, "frobnicate") == 2
    assert "invalid choice" in one_sentence(capsys.readouterr().err)


def python_main(*argv: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        **kwargs,
    )


def test_help_lists_every_command():
    result = python_main("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert f"    {command} " in result.stdout
    assert "--data-dir DIR" in result.stdout


def test_a_user_mistake_exits_2_without_a_traceback(tmp_path):
    result = python_main("--data-dir", str(tmp_path / "data"), "import", "nowhere.json")
    assert result.returncode == 2
    assert one_sentence(result.stderr) == "There is no file nowhere.json."


def test_the_command_line_never_loads_qt(tmp_path):
    script = (
        "import sys; from desktop_app.cli import main; "
        f"code = main(['--data-dir', {str(tmp_path / 'data')!r}, 'import', {str(EXAMPLE_FILE)!r}]);"
        "print(code, 'PySide6' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "0 False"


def test_exit_after_start_opens_the_window_once_and_exits_0(tmp_path):
    """The measuring aid of the start-up benchmark: a whole start, the first-run example
    included, then out."""
    data = tmp_path / "data"
    started = time.time()
    result = python_main("--data-dir", str(data), "--exit-after-start")
    assert result.returncode == 0, result.stderr
    painted = float(result.stdout.split("first paint at ")[1].split()[0])
    assert started < painted < time.time()
    open_database(data)
    try:
        assert get_setting(FLAG) == "imported"  # the example, as any first start gives
        assert Body.select().exists()
    finally:
        close_database()
