"""Root conftest: the float trap applies to doctests in src/ as well as tests/."""

from __future__ import annotations

import decimal
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _trap_float_operations() -> Iterator[None]:
    """Trap decimal.FloatOperation in every test and doctest."""
    context = decimal.getcontext()
    before = context.traps[decimal.FloatOperation]
    context.traps[decimal.FloatOperation] = True
    try:
        yield
    finally:
        context.traps[decimal.FloatOperation] = before
