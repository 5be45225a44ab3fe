"""Damaged, foreign and placeholder files on the share, and shares that cannot be used:
each is said in one sentence and skipped, nothing is half applied, and a later sync applies
the file once it is whole (issue 13, "Bad files and bad shares")."""

from __future__ import annotations

import gzip
import json
import shutil

import pytest

from desktop_app.errors import ValidationError
from desktop_app.services.directory import bodies
from desktop_app.storage.database import context
from desktop_app.storage.models import AppliedFile, Body
from desktop_app.sync.outgoing import waiting
from desktop_app.sync.run import sync_now
from desktop_app.sync.share import FORMAT, devices_dir
from tests.exchange.databases import every_row
from tests.services.conftest import assert_sentence
from tests.sync.replicas import laptops


def _written(tmp_path):
    """A share holding one file from the first laptop; the file and its bytes."""
    first, second = laptops(tmp_path, 2)
    with first.opened():
        bodies.create_body(name="Parish Council")
    first.sync()
    [path] = devices_dir(first.share).glob("*/*.jsonl.gz")
    return first, second, path, path.read_bytes()


def _lines(data: bytes) -> list[dict]:
    return [json.loads(line) for line in gzip.decompress(data).decode().splitlines()]


def _packed(lines: list[dict]) -> bytes:
    return gzip.compress(("\n".join(json.dumps(line) for line in lines) + "\n").encode())


def _damaged(kind: str, data: bytes) -> bytes:
    lines = _lines(data)
    if kind == "empty":
        return b""
    if kind == "cut short":
        return data[: len(data) // 2]
    if kind == "not gzip":
        return b"This is not a change file.\n"
    if kind == "not json":
        return gzip.compress(b"{ not json\n")
    if kind == "newer format":
        lines[0]["format"] = "minute-book-changes/9"
        return _packed(lines)
    if kind == "other device":
        lines[0]["device"] = "0123456789ab"
        return _packed(lines)
    if kind == "a change missing":
        return _packed(lines[:1] + lines[2:])
    if kind == "a damaged change":
        lines[1]["table"] = "no_such_table"
        return _packed(lines)
    text = [json.dumps(line) for line in lines]
    if kind == "two changes on a line":  # each count still right
        text[1:3] = [f"{text[1]}, {text[2]}"]
    if kind == "a blank line":
        text.insert(2, "")
    return gzip.compress(("\n".join(text) + "\n").encode())


KINDS = [
    "empty",
    "cut short",
    "not gzip",
    "not json",
    "newer format",
    "other device",
    "a change missing",
    "a damaged change",
    "two changes on a line",
    "a blank line",
]


@pytest.mark.parametrize("kind", KINDS)
def test_a_bad_file_is_said_skipped_and_applied_once_whole(tmp_path, kind):
    first, second, path, whole = _written(tmp_path)
    path.write_bytes(_damaged(kind, whole))
    second.sync()  # the second laptop's own first sync: a data folder to compare
    with second.opened():
        before = every_row()
        report = sync_now(second.share)
        assert [row for row in every_row()["body"]] == before["body"]
        assert AppliedFile.select().count() == 0
    [sentence] = report.skipped
    assert_sentence(sentence)
    assert str(path) in sentence
    path.write_bytes(whole)  # the file-sync service finishes its copy
    report = second.sync()
    assert report.skipped == [] and report.files_applied == 1
    with second.opened():
        assert Body.get().name == "Parish Council"


@pytest.mark.parametrize(
    "name",
    [
        "00000001.sync-conflict-20261203-101500-ABCDEFG.jsonl.gz",
        "00000001 (conflicted copy 2026-12-03).jsonl.gz",
        "00000001 - Copy.jsonl.gz",
        "00000001 (1).jsonl.gz",
        "00000001.jsonl.gz.icloud",
        "desktop.ini",
    ],
)
def test_a_copy_a_sync_service_made_is_never_read(tmp_path, name):
    first, second, path, whole = _written(tmp_path)
    shutil.copyfile(path, path.with_name(name))
    report = second.sync()
    assert report.files_applied == 1 and report.changes_applied == _lines(whole)[0]["count"]
    [sentence] = report.skipped
    assert name in sentence and "not written by Minute Book" in sentence
    with second.opened():
        assert Body.select().count() == 1


def test_a_missing_share_is_one_sentence_and_local_work_goes_on(tmp_path):
    first, _second = laptops(tmp_path, 2)
    with first.opened():
        bodies.create_body(name="Parish Council")
        shutil.rmtree(first.share)
        with pytest.raises(ValidationError) as caught:
            sync_now(first.share)
        assert_sentence(str(caught.value))
        assert "cannot be found" in str(caught.value)
        assert waiting() > 0


def test_a_share_that_cannot_be_written_is_one_sentence_and_nothing_is_lost(tmp_path):
    first, _second = laptops(tmp_path, 2)
    with first.opened():
        bodies.create_body(name="Parish Council")
        # A file where this machine's folder goes: writing fails as on a read-only share
        # (a permission the tests' root user would ignore).
        own = devices_dir(first.share) / context().device_id
        own.parent.mkdir(parents=True)
        own.write_text("in the way")
        with pytest.raises(ValidationError) as caught:
            sync_now(first.share)
        assert_sentence(str(caught.value))
        assert "cannot be written" in str(caught.value)
        own.unlink()
        count = waiting()
        sync_now(first.share)
        assert waiting() == 0 and count > 0


def test_the_header_says_its_format_device_sequence_and_stamps(tmp_path):
    _first, _second, path, whole = _written(tmp_path)
    header = _lines(whole)[0]
    assert header["format"] == FORMAT
    assert header["device"] == path.parent.name and header["seq"] == 1
    assert header["first"] <= header["last"] and header["count"] >= 1
