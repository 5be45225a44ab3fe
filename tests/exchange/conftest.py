"""Fixtures for the exchange format tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.exchange.databases import EXAMPLE


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE
