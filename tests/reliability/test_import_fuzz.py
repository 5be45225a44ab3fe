"""Fuzzing the importer (issue 12): the example file damaged at random (truncated, a wrong
type, a huge or surrogate string, an unknown word, an impossible date, an unknown person,
a field given twice) is refused through the command line's import with exit code 2, one
sentence on stderr and no traceback, and an export afterwards is byte for byte the one
before. Cases run in-process through `cli.main` for speed, a few as real subprocesses.

The default run is short; set MINUTE_BOOK_FUZZ_EXAMPLES for a longer one. The cases
tried and refused are counted in FIGURES (printed with `-s`).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app import cli
from tests.exchange.databases import EXAMPLE

EXAMPLES = int(os.environ.get("MINUTE_BOOK_FUZZ_EXAMPLES", "60"))
ROOT = Path(__file__).parents[2]
FIGURES: Counter[str] = Counter()

ENUMS = ("status", "role", "kind", "outcome", "state", "restart", "purpose")
DATES = ("date", "from")
PEOPLE = ("person", "proposer", "substitute_for", "presenter", "owner")


def leaves(value: Any, path: tuple = ()) -> list[tuple[tuple, Any]]:
    """(path, value) of every string, number and true/false in the file."""
    if isinstance(value, dict):
        return [leaf for key, child in value.items() for leaf in leaves(child, (*path, key))]
    if isinstance(value, list):
        return [leaf for i, child in enumerate(value) for leaf in leaves(child, (*path, i))]
    return [(path, value)]


def objects(value: Any, path: tuple = ()) -> list[tuple]:
    """The path of every non-empty object in the file."""
    if not isinstance(value, (dict, list)):
        return []
    found = [path] if isinstance(value, dict) and value else []
    for key, child in value.items() if isinstance(value, dict) else enumerate(value):
        found += objects(child, (*path, key))
    return found


DATA = json.loads(EXAMPLE.read_text(encoding="utf-8"))
TEXT = json.dumps(DATA, ensure_ascii=False, indent=1)
LEAVES = leaves(DATA)
STRINGS = [path for path, value in LEAVES if isinstance(value, str)]
NAMED = {  # the leaves whose field is one of these, by kind of damage
    "enum": [p for p in STRINGS if p[-1] in ENUMS],
    "date": [p for p in STRINGS if p[-1] in DATES],
    "person": [p for p in STRINGS if p[-1] in PEOPLE],
}
OBJECTS = objects(DATA)


def changed(path: tuple, value: Any) -> dict:
    data = json.loads(TEXT)
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return data


def wrong_type(value: Any) -> Any:
    """A value of another type, which no field of the format takes instead."""
    if isinstance(value, bool):
        return "yes"
    if isinstance(value, str):
        return [value]
    return [str(value)]  # a number: a quorum may be "6", but never a list


@st.composite
def damaged(draw) -> tuple[str, str]:
    """(kind of damage, the file's text)."""
    kind = draw(
        st.sampled_from(
            ["truncated", "wrong type", "huge", "surrogate", "enum", "date", "person", "twice"]
        )
    )
    if kind == "truncated":
        return kind, TEXT[: draw(st.integers(0, len(TEXT) - 1))]
    if kind == "wrong type":
        path, value = draw(st.sampled_from(LEAVES))
        return kind, json.dumps(changed(path, wrong_type(value)))
    if kind == "huge":
        path = draw(st.sampled_from(STRINGS))
        return kind, json.dumps(changed(path, "x" * draw(st.integers(100_001, 2_000_000))))
    if kind == "surrogate":
        path = draw(st.sampled_from(STRINGS))
        value = dict(LEAVES)[path]
        at = draw(st.integers(0, len(value)))
        half = chr(draw(st.integers(0xD800, 0xDFFF)))
        return kind, json.dumps(changed(path, value[:at] + half + value[at:]))
    if kind == "enum":
        path = draw(st.sampled_from(NAMED["enum"]))
        # An empty purpose is one of the purposes ("no purpose given"), so not damage.
        wrong = ["adjourned", " x"] + ([""] if path[-1] != "purpose" else [])
        return kind, json.dumps(changed(path, draw(st.sampled_from(wrong))))
    if kind == "date":
        path = draw(st.sampled_from(NAMED["date"]))
        day = draw(st.sampled_from(["2013-02-30", "2012-13-01", "2012-00-10", "12/13/2012"]))
        return kind, json.dumps(changed(path, day))
    if kind == "person":
        return kind, json.dumps(changed(draw(st.sampled_from(NAMED["person"])), "nobody-at-all"))
    path = draw(st.sampled_from(OBJECTS))
    target = DATA
    for step in path:
        target = target[step]
    key = draw(st.sampled_from(sorted(target)))
    data = changed((*path, "\x01twice\x01"), target[key])
    return kind, json.dumps(data).replace(json.dumps("\x01twice\x01"), json.dumps(key), 1)


def run(*argv: str) -> tuple[int, str, str]:
    """The command line, in this process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A data folder holding the example, and its export as it stands (`before.json`)."""
    root = tmp_path_factory.mktemp("fuzz")
    assert run("--data-dir", str(root / "data"), "import", str(EXAMPLE))[0] == 0
    assert run("--data-dir", str(root / "data"), "export", str(root / "before.json"))[0] == 0
    return root


def assert_refused(code: int, out: str, err: str) -> None:
    assert code == 2, (code, out, err)
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    # A fault in the file reads "bodies[0].name: …", the place and then what is wrong.
    assert lines[0].strip() and "Traceback" not in err and len(err) < 1000, err


def assert_export_unchanged(folder: Path) -> None:
    after = folder / "after.json"
    assert run("--data-dir", str(folder / "data"), "export", str(after))[0] == 0
    assert after.read_bytes() == (folder / "before.json").read_bytes()


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=damaged())
def test_a_damaged_file_is_refused_in_one_sentence_and_changes_nothing(folder, case):
    kind, text = case
    path = folder / "damaged.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    FIGURES["tried"] += 1
    FIGURES[f"tried: {kind}"] += 1
    assert_refused(*run("--data-dir", str(folder / "data"), "import", str(path)))
    FIGURES["refused"] += 1
    assert_export_unchanged(folder)


def main_py(*argv: str | bytes) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *argv],
        capture_output=True,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize(
    "text",
    [
        TEXT[: len(TEXT) // 2],
        TEXT.replace('"Apologies for Absence"', '"Apologies \\ud800 for Absence"'),
        TEXT.replace('"format": "minute-book/1"', '"format": "minute-book/1", "format": "x"'),
        TEXT.replace('"Apologies for Absence"', '"Apologies \\u0000"'),
    ],
    ids=["truncated", "surrogate", "twice", "nul"],
)
def test_a_damaged_file_is_refused_by_the_real_command(folder, tmp_path, text):
    path = tmp_path / "damaged.json"
    path.write_text(text, encoding="utf-8")
    done = main_py("--data-dir", str(folder / "data"), "import", str(path))
    FIGURES["tried"] += 1
    assert_refused(done.returncode, done.stdout.decode(), done.stderr.decode())
    FIGURES["refused"] += 1
    assert_export_unchanged(folder)


def test_a_file_name_that_is_not_utf8_is_named_in_the_sentence(folder, tmp_path):
    name = os.fsencode(tmp_path) + b"/board-\xff.json"
    with open(name, "w", encoding="utf-8") as file:
        file.write(TEXT[:100])
    done = main_py("--data-dir", str(folder / "data"), "import", name)
    assert_refused(done.returncode, done.stdout.decode(), done.stderr.decode())
    assert "board-\\udcff.json" in done.stderr.decode()


def test_a_body_name_that_is_not_utf8_is_refused_in_one_sentence(folder, tmp_path):
    done = main_py("--data-dir", str(folder / "data"), "search", "board", "--body", b"Board \xff")
    assert_refused(done.returncode, done.stdout.decode(), done.stderr.decode())
    assert "The body's name contains half of a character (U+DCFF" in done.stderr.decode()


def test_search_words_that_are_not_utf8_are_refused_in_one_sentence(folder):
    done = main_py("--data-dir", str(folder / "data"), "search", b"Board\xff")
    assert_refused(done.returncode, done.stdout.decode(), done.stderr.decode())
    assert "The text to search for contains half of a character" in done.stderr.decode()


def test_figures(capsys):
    """Not a check: prints the cases tried and refused, for the closing note."""
    with capsys.disabled():
        print(f"\nimport fuzz: {dict(sorted(FIGURES.items()))}")
    assert FIGURES["tried"] == FIGURES["refused"]
