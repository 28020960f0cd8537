"""What a template may read: Jinja's immutable sandbox, asked faster.

A post's clause texts read some 230 attributes a document (and the Word templates more),
each through the sandbox's ``getattr``. Jinja answers every one by asking the object,
then whether the value is ``str.format`` (which it wraps), then whether the attribute is
safe; a dict's key costs an ``AttributeError`` first, a record read by a filter
(``sort(attribute=...)``) a ``TypeError``. :class:`RememberingSandbox` gives the same
answers with those steps taken only where they can change the answer.
"""

from __future__ import annotations

import abc
import types
from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment

#: every attribute a plain ``dict`` has: ``getattr(d, name)`` raises AttributeError for any
#: other name (a dict has no instance attributes, and its class cannot be changed)
DICT_ATTRIBUTES = frozenset(dir(dict))
#: the only types of value Jinja's ``wrap_str_format`` may wrap (neither can be subclassed)
METHOD_TYPES = (types.MethodType, types.BuiltinMethodType)


class RememberingSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, answering "may a template read this attribute?" once per
    (class, attribute name) instead of on every access (a post reads some 800).

    Jinja's answer depends on the attribute name and on ``isinstance`` checks of the
    object's class (functions, frames, generators; list, dict, set, deque and their
    abstract base classes). Remembered answers are keyed on the ABC registry's cache
    token as well, so registering a class as a mutable sequence later is seen at once;
    an object that claims another ``__class__`` is always asked afresh.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._safe: dict[tuple[type, str, object], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        cls = type(obj)
        try:
            plain = obj.__class__ is cls
        except Exception:  # noqa: BLE001 - a strange __class__: ask Jinja every time
            plain = False
        if not plain:
            return super().is_safe_attribute(obj, attr, value)
        key = (cls, attr, abc.get_cache_token())
        safe = self._safe.get(key)
        if safe is None:
            safe = super().is_safe_attribute(obj, attr, value)
            if len(self._safe) < 4096:
                self._safe[key] = safe
        return safe

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Jinja's ``getattr``, step for step, with a plain dict's key read at once (it has
        no such attribute: Jinja would read the key after an AttributeError) and the
        ``str.format`` check made only for a method."""
        if type(obj) is dict and type(attribute) is str and attribute not in DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except (TypeError, LookupError):
                return self.undefined(obj=obj, name=attribute)
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            try:
                return obj[attribute]
            except (TypeError, LookupError):
                return self.undefined(obj=obj, name=attribute)
        # what a template may have: the one copy of the check (getitem comes here too)
        if type(value) in METHOD_TYPES:  # only a method may be str.format, which Jinja wraps
            wrapped = self.wrap_str_format(value)
            if wrapped is not None:
                return wrapped
        if self.is_safe_attribute(obj, attribute, value):
            return value
        return self.unsafe_undefined(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        """Jinja's ``getitem``; for an object that cannot be subscripted (a record a filter
        reads by name), the attribute at once through :meth:`getattr` (which gives what
        Jinja would give after a TypeError), so the check of what a template may read is
        written once, there."""
        if type(argument) is str and not hasattr(type(obj), "__getitem__") \
                and not isinstance(obj, type):
            return self.getattr(obj, argument)
        return super().getitem(obj, argument)
