"""Reliability fixtures."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def fresh_databases():
    """Each new data folder's database made for real: kills and races during a first start
    are among what these tests try (tests/conftest.py copies a made one elsewhere)."""
