"""The content-addressed store: files kept by SHA-256, written whole or not at all."""

from __future__ import annotations

import hashlib

from desktop_app.storage import store


def test_a_file_is_kept_under_its_sha256(database, data_dir, tmp_path):
    source = tmp_path / "report.pdf"
    source.write_bytes(b"%PDF-1.4 a report")
    sha256 = store.put_file(source)
    assert sha256 == hashlib.sha256(b"%PDF-1.4 a report").hexdigest()
    assert store.path_of(sha256) == data_dir / "store" / sha256[:2] / sha256
    assert store.path_of(sha256).read_bytes() == b"%PDF-1.4 a report"


def test_the_same_content_is_kept_once(database, data_dir):
    first = store.put_bytes(b"same")
    second = store.put_bytes(b"same")
    assert first == second
    assert [p.name for p in (data_dir / "store").rglob("*") if p.is_file()] == [first]


def test_no_temporary_file_is_left_behind(database, data_dir, tmp_path):
    source = tmp_path / "big.bin"
    source.write_bytes(b"x" * (3 * store.CHUNK + 5))
    sha256 = store.put_file(source)
    assert store.sha256_of(store.path_of(sha256)) == sha256
    assert not list((data_dir / "store").glob(".incoming-*"))
