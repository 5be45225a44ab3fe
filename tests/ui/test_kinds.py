"""Every kind names functions its service really has, with the keyword they take."""

import inspect
from importlib import import_module

import pytest

from ui.commands import kinds

ALL = [value for value in vars(kinds).values() if isinstance(value, kinds.Kind)]


@pytest.mark.parametrize("kind", ALL, ids=lambda k: f"{k.service}.{k.delete_call}")
def test_each_kind_names_real_service_functions(kind):
    module = import_module(f"desktop_app.services.{kind.service}")
    for name in (kind.delete_call, kind.restore_call):
        assert kind.key in inspect.signature(getattr(module, name)).parameters
