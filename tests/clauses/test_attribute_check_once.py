"""The sandbox's "may a template have this attribute?" is written once
(docgen/clauses/attributes.py, in ``getattr``): ``getitem``'s read of a record's field by
name goes through ``getattr``, so a change to the check (or a subclass's) holds for every
read. A reviewer found the check written twice: in ``_checked`` and inline in
``getattr``, for speed."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any

from jinja2 import StrictUndefined

from docgen.clauses import attributes
from docgen.clauses.attributes import RememberingSandbox
from docgen.clauses.sandbox import BoundedEnvironment


@dataclass(frozen=True)
class Record:
    name: str


def test_the_check_is_written_once() -> None:
    source = inspect.getsource(attributes)
    assert source.count("self.wrap_str_format(") == 1
    assert source.count("self.unsafe_undefined(") == 1


def test_a_record_read_by_name_goes_through_getattr() -> None:
    """What a stricter ``getattr`` refuses, ``obj['name']`` (``sort(attribute=...)``)
    cannot read either."""

    class Strict(BoundedEnvironment):
        def getattr(self, obj: Any, attribute: str) -> Any:
            if attribute == "name":
                return self.unsafe_undefined(obj, attribute)
            return super().getattr(obj, attribute)

    env = Strict(undefined=StrictUndefined)
    assert isinstance(env.getattr(Record("r"), "name"), StrictUndefined)
    assert isinstance(env.getitem(Record("r"), "name"), StrictUndefined)
    plain = RememberingSandbox(undefined=StrictUndefined)
    assert plain.getitem(Record("r"), "name") == "r"
    assert isinstance(plain.getitem(Record("r"), "__class__"), StrictUndefined)
