"""
Building models from values that are known to be valid, without checks.

A model checks its fields when a user builds it. Values claimtrack made
itself, or read back from its own journal, were checked when they were
first made: building them again through the checks would only repeat work.
`trusted` gives, for a model class, a function that builds an instance the
way attrs' ``__init__`` does (converters, defaults, factories) but without
the field checks. It is for the library's own use; nothing a user passes
reaches it unchecked. `collector_paused` serves the same bulk work: the
objects a bulk operation makes need no cyclic garbage collection.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from typing import TYPE_CHECKING, Any

import attrs


if TYPE_CHECKING:
    from collections.abc import Callable, Iterator


__all__ = ["collector_paused", "trusted"]


@functools.cache
def trusted(cls: type) -> Callable[..., Any]:
    """
    A function that builds *cls* from its fields, running no checks.

    Like the ``__init__`` attrs writes, it is made once per class from the
    class's fields: converters run, defaults apply, and the field checks
    of ``__attrs_post_init__`` do not.
    """
    # Every field a model takes as an argument; no model has others.
    fields = [field for field in attrs.fields(cls) if field.init]
    names: dict[str, object] = {"_new": object.__new__, "_cls": cls}
    params: list[str] = []
    keywords: list[str] = []
    body = ["_i = _new(_cls)"]
    for n, field in enumerate(fields):
        name = field.alias  # the argument's name: "reason" for "_reason"
        default = field.default
        into = keywords if field.kw_only else params
        factory = getattr(default, "factory", None)
        if default is attrs.NOTHING:
            into.append(name)
        elif factory is not None:
            names[f"_f{n}"] = factory
            into.append(f"{name}=_NOTHING")
            call = "(_i)" if default.takes_self else "()"
            body.append(f"if {name} is _NOTHING: {name} = _f{n}{call}")
        else:
            names[f"_d{n}"] = default
            into.append(f"{name}=_d{n}")
        value = name
        if field.converter is not None:
            names[f"_c{n}"] = field.converter
            value = f"_c{n}({value})"
        body.append(f"_set(_i, {field.name!r}, {value})")
    names["_NOTHING"] = attrs.NOTHING
    names["_set"] = object.__setattr__
    signature = ", ".join([*params, *(["*", *keywords] if keywords else [])])
    source = f"def build({signature}):\n    " + "\n    ".join(
        [*body, "return _i"]
    )
    exec(source, names)  # noqa: S102 -- made from the class's own fields
    return names["build"]  # type: ignore[return-value]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """
    Pause Python's cyclic garbage collector for a bulk operation.

    Adding or reading many claims makes objects that live as long as the
    tracker and hold no cycles; the collector's passes over them, which
    grow with the heap, find nothing to free. The collector is paused for
    the operation, and runs again after it, if it was running before.
    """
    was_running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_running:
            gc.enable()
