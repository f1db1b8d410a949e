"""
The validators behind `claimtrack.validators`, and the field checker.
"""

from __future__ import annotations

import functools
import math
import re
import urllib.parse
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from claimtrack.exceptions import (
    ClaimtrackError,
    InvalidFieldsError,
    InvalidTypeError,
    InvalidValueError,
)


if TYPE_CHECKING:
    import enum


__all__ = [
    "MAX_INT",
    "MAX_NAME_LENGTH",
    "MAX_TEXT_LENGTH",
    "check_text",
    "finite_number",
    "http_url",
    "instance_of",
    "is_text",
    "matches_re",
    "max_len",
    "member_of",
    "non_empty_str",
    "non_negative_int",
    "optional",
    "tuple_of",
]

Validator = Callable[[Any, Any, Any], None]
"""An attrs validator: ``(instance, attribute or field name, value)``."""


MAX_NAME_LENGTH = 4096
"""The longest id, name, alias, role, label, tag or author: 4,096
characters. `non_empty_str` holds to it unless told otherwise."""

MAX_TEXT_LENGTH = 16 * 1024 * 1024
"""The longest text: a claim's text, a source's text or title, a quote, a
note, a rationale, a URL: 16 Mi (16,777,216) characters. `instance_of`
holds a ``str`` to it."""

MAX_INT = 10**4300
"""A number a model holds is below this in size: an ``int`` of at most
4,300 digits, the most Python writes as text by default."""

_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")
"""A NUL or a lone surrogate: what no text claimtrack keeps may hold."""

_search_not_text = _NOT_TEXT.search


def _name(attribute: attrs.Attribute[Any] | str) -> str:
    return attribute if isinstance(attribute, str) else attribute.name


def check_text(field: str, value: str, limit: int = MAX_TEXT_LENGTH) -> None:
    """
    Refuse a str that no store or file can keep whole.

    A text longer than *limit* characters, one holding a NUL character
    (which C code and many tools take for its end) and one holding a lone
    surrogate (a code point from U+D800 to U+DFFF, which is not Unicode
    text and which no UTF-8 file or database can hold) are refused.

    Raises:
        InvalidValueError: Naming *field*, the length or the offset.

    .. versionadded:: 0.2.0
    """
    if len(value) > limit:
        raise InvalidValueError(
            field,
            value,
            f"is {len(value)} characters long; at most {limit} are allowed",
        )
    if "\x00" in value or not value.isascii():
        found = _search_not_text(value)
        if found is not None:
            at = found.start()
            if found.group() == "\x00":
                why = (
                    f"contains a NUL character at offset {at}, which no "
                    "text claimtrack keeps may hold"
                )
            else:
                why = (
                    f"contains a lone surrogate at offset {at} "
                    f"(U+{ord(found.group()):04X}), which is not Unicode "
                    "text and cannot be written as UTF-8"
                )
            raise InvalidValueError(field, value, why)


def is_text(value: str, limit: int = MAX_TEXT_LENGTH) -> bool:
    """
    Whether the str *value* passes `check_text`, cheaply.

    .. versionadded:: 0.2.0
    """
    return (
        len(value) <= limit
        and "\x00" not in value
        and (value.isascii() or _search_not_text(value) is None)
    )


def _text_fast(var: str, names: dict[str, object], limit: int) -> str:
    """
    An expression true when the str *var* passes `check_text`.
    """
    search = _name_for(names, _search_not_text)
    return (
        f"len({var}) <= {limit} and '\\x00' not in {var} and "
        f"({var}.isascii() or {search}({var}) is None)"
    )


def _type_names(types: tuple[type, ...]) -> str:
    return " or ".join(t.__name__ for t in types)


@attrs.frozen(repr=False)
class _InstanceOfValidator:
    types: tuple[type, ...]

    def __call__(self, inst: object, attr: Any, value: object) -> None:
        # bool is an int, but True is never meant as an offset or a count.
        if isinstance(value, bool) and bool not in self.types:
            ok = False
        else:
            ok = isinstance(value, self.types)
        if not ok:
            raise InvalidTypeError(
                _name(attr),
                value,
                f"must be {_type_names(self.types)}, "
                f"not {type(value).__name__}",
            )
        if isinstance(value, str):
            check_text(_name(attr), value)

    def __repr__(self) -> str:
        return f"<instance_of validator for {_type_names(self.types)}>"

    def fast(self, var: str, names: dict[str, object]) -> str:
        """
        An expression true when *var* is of one of the types exactly.

        A str must be text too (`check_text`).
        """
        if str not in self.types:
            types = _name_for(names, frozenset(self.types))
            return f"{var}.__class__ in {types}"
        text = _text_fast(var, names, MAX_TEXT_LENGTH)
        if self.types == (str,):
            return f"({var}.__class__ is str and {text})"
        types = _name_for(names, frozenset(self.types) - {str})
        return (
            f"({var}.__class__ in {types} "
            f"or ({var}.__class__ is str and {text}))"
        )


_IS_STR = _InstanceOfValidator((str,))
_IS_TUPLE = _InstanceOfValidator((tuple,))
_IS_INT = _InstanceOfValidator((int,))
_IS_NUMBER = _InstanceOfValidator((int, float, Decimal))


@functools.cache
def instance_of(*types: type) -> Validator:
    """
    Require a value of one of *types* (a ``bool`` is not an ``int`` here).

    A ``str`` must also be text claimtrack can keep (`check_text`): no NUL
    character, no lone surrogate, at most `MAX_TEXT_LENGTH` characters.

    Raises:
        InvalidTypeError: For a value of another type.
        InvalidValueError: For a ``str`` that is not such text.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       A ``str`` must be text: no NUL, no lone surrogate, not too long.
    """
    return _InstanceOfValidator(types)


@attrs.frozen(repr=False)
class _NonEmptyStrValidator:
    limit: int

    def __call__(self, inst: object, attr: Any, value: object) -> None:
        if not isinstance(value, str):
            _IS_STR(inst, attr, value)  # raises: names the type
        assert isinstance(value, str)  # noqa: S101 -- narrowed above
        if not value.strip():
            raise InvalidValueError(_name(attr), value, "must not be blank")
        check_text(_name(attr), value, self.limit)

    def __repr__(self) -> str:
        return "<non_empty_str validator>"

    def fast(self, var: str, names: dict[str, object]) -> str:
        """
        An expression true when *var* is a str that is not blank.
        """
        return (
            f"({var}.__class__ is str and {var} and not {var}.isspace() "
            f"and {_text_fast(var, names, self.limit)})"
        )


@functools.cache
def non_empty_str(*, max_length: int = MAX_NAME_LENGTH) -> Validator:
    """
    Require a string with at least one character that is not whitespace.

    It must also be text claimtrack can keep (`check_text`): no NUL
    character, no lone surrogate, and at most *max_length* characters
    (`MAX_NAME_LENGTH`, 4,096, unless given: the limit of an id or a name).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       At most *max_length* characters, no NUL, no lone surrogate.
    """
    return _NonEmptyStrValidator(max_length)


@attrs.frozen(repr=False)
class _OptionalValidator:
    validator: Validator

    def __call__(self, inst: object, attr: Any, value: object) -> None:
        if value is not None:
            self.validator(inst, attr, value)

    def __repr__(self) -> str:
        return f"<optional validator for {self.validator!r} or None>"

    def fast(self, var: str, names: dict[str, object]) -> str:
        """
        An expression true when *var* is None or passes the validator.
        """
        return f"({var} is None or {fast_check(self.validator, var, names)})"


@functools.cache
def optional(validator: Validator) -> Validator:
    """
    Accept ``None``, or a value that passes *validator*.

    .. versionadded:: 0.1.0
    """
    return _OptionalValidator(validator)


@attrs.frozen(repr=False)
class _TupleOfValidator:
    member: Validator

    def __call__(self, inst: object, attr: Any, value: object) -> None:
        _IS_TUPLE(inst, attr, value)
        assert isinstance(value, tuple)  # noqa: S101 -- narrowed above
        for index, item in enumerate(value):
            self.member(inst, f"{_name(attr)}[{index}]", item)

    def __repr__(self) -> str:
        return f"<tuple_of validator for {self.member!r}>"

    def fast(self, var: str, names: dict[str, object]) -> str:
        """
        An expression true when *var* is a tuple of passing items.
        """
        item = f"_x{len(names)}"
        names[f"_attr_{item}"] = "item"
        member = fast_check(self.member, item, names)
        return (
            f"({var}.__class__ is tuple and "
            f"(not {var} or all({member} for {item} in {var})))"
        )


def tuple_of(member: Validator) -> Validator:
    """
    Require a tuple whose every item passes *member*.

    An error names the item: ``aliases[1]``.

    .. versionadded:: 0.1.0
    """
    return _TupleOfValidator(member)


@attrs.frozen(repr=False)
class _MaxLenValidator:
    max_len: int

    def __call__(self, inst: object, attr: Any, value: Any) -> None:
        if len(value) > self.max_len:
            raise InvalidValueError(
                _name(attr),
                value,
                f"is {len(value)} long; at most {self.max_len} is allowed",
            )

    def __repr__(self) -> str:
        return f"<max_len validator for {self.max_len}>"

    def fast(self, var: str, names: dict[str, object]) -> str:
        """
        An expression true when *var* is short enough.
        """
        return f"len({var}) <= {self.max_len}"


def max_len(length: int) -> Validator:
    """
    Require ``len(value) <= length``.

    .. versionadded:: 0.1.0
    """
    return _MaxLenValidator(length)


@attrs.frozen(repr=False)
class _NonNegativeIntValidator:
    def __call__(self, inst: object, attr: Any, value: object) -> None:
        _IS_INT(inst, attr, value)
        assert isinstance(value, int)  # noqa: S101 -- narrowed above
        if value < 0:
            raise InvalidValueError(_name(attr), value, "must be >= 0")

    def __repr__(self) -> str:
        return "<non_negative_int validator>"

    def fast(self, var: str, names: dict[str, object]) -> str:
        """
        An expression true when *var* is an int, zero or more.
        """
        return f"({var}.__class__ is int and {var} >= 0)"


def non_negative_int() -> Validator:
    """
    Require an ``int`` (not a ``bool``) that is zero or more.

    .. versionadded:: 0.1.0
    """
    return _NonNegativeIntValidator()


@attrs.frozen(repr=False)
class _FiniteNumberValidator:
    def __call__(self, inst: object, attr: Any, value: object) -> None:
        _IS_NUMBER(inst, attr, value)
        assert isinstance(value, int | float | Decimal)  # noqa: S101
        if isinstance(value, int):  # finite, but perhaps too long to write
            if not -MAX_INT < value < MAX_INT:
                raise InvalidValueError(
                    _name(attr),
                    value,
                    "has more than 4300 digits, more than Python writes "
                    "as text",
                )
        elif not (
            value.is_finite()
            if isinstance(value, Decimal)
            else math.isfinite(value)
        ):
            raise InvalidValueError(_name(attr), value, "must be finite")

    def __repr__(self) -> str:
        return "<finite_number validator>"


def finite_number() -> Validator:
    """
    Require a finite ``int``, ``float`` or ``Decimal`` (no NaN, no inf).

    An ``int`` may have at most 4,300 digits (below `MAX_INT`).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       An ``int`` of more than 4,300 digits is refused.
    """
    return _FiniteNumberValidator()


@attrs.frozen(repr=False)
class _MatchesReValidator:
    pattern: re.Pattern[str]
    description: str

    def __call__(self, inst: object, attr: Any, value: object) -> None:
        _IS_STR(inst, attr, value)
        assert isinstance(value, str)  # noqa: S101 -- narrowed above
        if not self.pattern.fullmatch(value):
            raise InvalidValueError(
                _name(attr), value, f"must be {self.description}"
            )

    def __repr__(self) -> str:
        return f"<matches_re validator for {self.pattern.pattern!r}>"


def matches_re(pattern: str, description: str) -> Validator:
    """
    Require a string that matches *pattern* whole.

    Args:
        pattern: A regular expression.
        description: What a matching value is, for the error message
            ("a BCP 47 language tag").

    .. versionadded:: 0.1.0
    """
    return _MatchesReValidator(re.compile(pattern), description)


@attrs.frozen(repr=False)
class _MemberOfValidator:
    enum_type: type[enum.Enum]

    def __call__(self, inst: object, attr: Any, value: object) -> None:
        if not isinstance(value, self.enum_type):
            choices = ", ".join(str(m.value) for m in self.enum_type)
            raise InvalidValueError(
                _name(attr),
                value,
                f"must be a {self.enum_type.__name__}: one of {choices}",
            )

    def __repr__(self) -> str:
        return f"<member_of validator for {self.enum_type.__name__}>"

    def fast(self, var: str, names: dict[str, object]) -> str:
        """
        An expression true when *var* is a member of the enum.
        """
        return f"{var}.__class__ is {_name_for(names, self.enum_type)}"


def member_of(enum_type: type[enum.Enum]) -> Validator:
    """
    Require a member of *enum_type*; the error lists the choices.

    .. versionadded:: 0.1.0
    """
    return _MemberOfValidator(enum_type)


@attrs.frozen(repr=False)
class _HttpUrlValidator:
    def __call__(self, inst: object, attr: Any, value: object) -> None:
        _IS_STR(inst, attr, value)
        assert isinstance(value, str)  # noqa: S101 -- narrowed above
        try:
            parts = urllib.parse.urlsplit(value)
        except ValueError as exc:  # "http://[", a host NFKC changes
            raise InvalidValueError(
                _name(attr),
                value,
                f"must be an absolute http(s) URL; it cannot be split: {exc}",
            ) from None
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InvalidValueError(
                _name(attr), value, "must be an absolute http(s) URL"
            )

    def __repr__(self) -> str:
        return "<http_url validator>"


def http_url() -> Validator:
    """
    Require an absolute ``http`` or ``https`` URL.

    It is text as `instance_of` requires a ``str`` to be, and one that
    ``urllib.parse`` can split: ``http://[`` is refused, and so is a host
    whose NFKC form holds characters that change its meaning
    (``https://a\u2100b``).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       A URL ``urllib.parse`` cannot split is refused, not let through.
    """
    return _HttpUrlValidator()


@attrs.frozen(repr=False)
class _AllOfValidator:
    validators: tuple[Validator, ...]

    def __call__(self, inst: object, attr: Any, value: object) -> None:
        for validator in self.validators:
            validator(inst, attr, value)

    def __repr__(self) -> str:
        return f"<all_of validator for {self.validators!r}>"

    def fast(self, var: str, names: dict[str, object]) -> str:
        """
        An expression true when *var* passes every validator.
        """
        return (
            "("
            + " and ".join(fast_check(v, var, names) for v in self.validators)
            + ")"
        )


def all_of(*validators: Validator) -> Validator:
    """
    Require a value that passes every one of *validators*, in order.
    """
    return _AllOfValidator(validators)


def _name_for(names: dict[str, object], value: object) -> str:
    """
    A name for *value* in generated code's globals.
    """
    name = f"_g{len(names)}"
    names[name] = value
    return name


def fast_check(
    validator: Validator, var: str, names: dict[str, object]
) -> str:
    """
    A Python expression over *var*, true only if its value is valid.

    A validator may say how to test the common valid case in one
    expression (its ``fast`` method); any other is called, and passes if
    it raises nothing. False (or an exception) means "not sure": the
    caller then runs the validators themselves, which name the fault.
    """
    fast = getattr(validator, "fast", None)
    if fast is not None:
        return str(fast(var, names))
    call = _name_for(names, validator)
    names.setdefault(f"_attr_{var}", var)
    return f"{call}(_i, _attr_{var}, {var}) is None"


def check_fields(instance: attrs.AttrsInstance) -> None:
    """
    Run the ``check`` validator in each field's metadata, reporting all.

    Models call this from ``__attrs_post_init__`` so that several bad fields
    are reported together: one failure raises its own error, several raise
    an :class:`~claimtrack.exceptions.InvalidFieldsError` holding each.
    """
    cls = type(instance)
    fast = _FAST.get(cls)
    if fast is None:
        fast = _FAST[cls] = _fast_checker(cls)
    try:
        if fast(instance):
            return
    except Exception:  # noqa: BLE001, S110 -- not sure: check one by one
        pass
    errors: list[ClaimtrackError] = []
    for field, check in _checks(cls):
        try:
            check(instance, field, getattr(instance, field.name))
        except ClaimtrackError as exc:
            errors.append(exc)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise InvalidFieldsError(type(instance).__name__, errors)


_CHECKS: dict[type, list[tuple[attrs.Attribute[Any], Validator]]] = {}


def _checks(cls: type) -> list[tuple[attrs.Attribute[Any], Validator]]:
    """
    The fields of *cls* that carry a check, read once per class.
    """
    found = _CHECKS.get(cls)
    if found is None:
        found = [
            (field, field.metadata["check"])
            for field in attrs.fields(cls)
            if "check" in field.metadata
        ]
        _CHECKS[cls] = found
    return found


_FAST: dict[type, Callable[[Any], bool]] = {}


def _fast_checker(cls: type) -> Callable[[Any], bool]:
    """
    One function that tells whether every field of a *cls* is valid.

    Made once per class from its fields' checks (`fast_check`), it runs
    the common case, a valid instance, in straight-line code; anything it
    is not sure of is left to the checks themselves.
    """
    names: dict[str, object] = {}
    lines = ["def fast(_i):"]
    for n, (field, check) in enumerate(_checks(cls)):
        var = f"_v{n}"
        names[f"_attr_{var}"] = field
        lines.append(f"    {var} = _i.{field.name}")
        lines.append(f"    if not ({fast_check(check, var, names)}):")
        lines.append("        return False")
    lines.append("    return True")
    exec("\n".join(lines), names)  # noqa: S102 -- from the class's own checks
    return names["fast"]  # type: ignore[return-value]
