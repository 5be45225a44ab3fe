"""The README's command-line examples, read from README.md and run as written, in order, on a
fresh folder: when the README and the command line drift apart, this fails."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from desktop_app.cli import main

README = Path(__file__).parents[1] / "README.md"


def examples() -> list[str]:
    """Every line of the sh blocks in the README's "Command line" section."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Command line\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```sh\n(.*?)^```", section, re.M | re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_the_readme_has_examples_of_signing_on_the_example():
    words = [shlex.split(line, comments=True)[2:5] for line in examples()]
    assert ["--data-dir", "tryout", "sign"] in words
    assert ["--data-dir", "tryout", "chair"] in words


def test_every_command_line_example_works_as_written(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # where the examples' --out files and folders go
    for line in examples():
        words = shlex.split(line, comments=True)
        if words[0] == "export":
            name, value = words[1].split("=", 1)
            monkeypatch.setenv(name, value)
            continue
        assert words[:2] == ["python", "main.py"], f"not a command of ours: {line}"
        code = main(words[2:])
        out, err = capsys.readouterr()
        assert code == 0, f"{line}\n{out}{err}"
        assert "Traceback" not in err
        out_files = [words[i + 1] for i, word in enumerate(words) if word == "--out"]
        for name in out_files + [w for w in words if w.endswith(".json")]:
            assert (tmp_path / name).stat().st_size > 0, f"{line} wrote no {name}"


def test_the_first_command_on_a_fresh_folder_starts_it_with_the_example(tmp_path, capsys):
    first = shlex.split(examples()[0], comments=True)
    folder = tmp_path / first[3]
    assert main(["--data-dir", str(folder), *first[4:]]) == 0
    out, err = capsys.readouterr()
    assert err == f"Started a new data folder in {folder}, with the example body.\n"
    assert "Troubled Families" in out


@pytest.mark.parametrize("command", ["import", "sync"])
def test_import_and_sync_do_not_give_a_fresh_folder_the_example(tmp_path, capsys, command):
    from desktop_app.paths import EXAMPLE_FILE

    folder = tmp_path / "data"
    args = [str(EXAMPLE_FILE)] if command == "import" else ["--share", str(tmp_path)]
    assert main(["--data-dir", str(folder), command, *args]) == 0
    assert "Started a new data folder" not in capsys.readouterr().err
