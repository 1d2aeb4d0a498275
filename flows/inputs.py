"""Turning what a person typed or pressed into a value of a step's kind, or a reason why not."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from flows.dates import parse_date
from flows.i18n import fold
from flows.model import Kind, Option, Step

MAX_LIST_ITEMS = 50
_BULLET = re.compile(r"^\s*(?:[-*•·▪►]+|\d{1,3}[.)])\s+")
_ONLY_BULLET = re.compile(r"^(?:[-*•·▪►]+|\d{1,3}[.)])$")


@dataclass(frozen=True, slots=True)
class Problem:
    """Why an answer was not accepted: a message key and its arguments."""

    key: str
    args: dict[str, Any]


def problem(key: str, **args: Any) -> Problem:
    """Shorthand for a Problem."""
    return Problem(key, args)


def parse_text(text: str, step: Step) -> str | Problem:
    """Free text: not empty, not too long."""
    value = text.strip()
    if not value:
        return problem("input-empty")
    if len(value) > step.max_length:
        return problem("input-too-long", max=step.max_length, length=len(value))
    return value


def parse_list(text: str, step: Step) -> list[str] | Problem:
    """Several items, one per line; bullets and numbering are dropped."""
    lines = [_BULLET.sub("", line).strip() for line in text.splitlines()]
    # A line that is nothing but a bullet ("-", "•") is an empty item, not a stakeholder.
    items = [line for line in lines if line and not _ONLY_BULLET.match(line)]
    if not items:
        return problem("input-empty-list")
    too_long = [line for line in items if len(line) > step.max_length]
    if too_long:
        return problem("input-line-too-long", max=step.max_length, count=len(too_long))
    if len(items) > MAX_LIST_ITEMS:
        return problem("input-too-many", max=MAX_LIST_ITEMS)
    unique: list[str] = []
    seen: set[str] = set()
    for item in items:
        if fold(item) not in seen:
            seen.add(fold(item))
            unique.append(item)
    return unique


def match_option(text: str, options: tuple[Option, ...], labels: dict[str, str]) -> str | None:
    """The option a typed answer means: its number, its label or its value."""
    wanted = fold(text).rstrip(".")
    if wanted.isdigit():
        index = int(wanted) - 1
        return options[index].value if 0 <= index < len(options) else None
    for option in options:
        if wanted in (fold(labels.get(option.value, "")), fold(option.value)):
            return option.value
    return None


def parse_choice(text: str, step: Step, labels: dict[str, str]) -> str | Problem:
    """One of the offered options."""
    value = match_option(text, step.options, labels)
    return value if value is not None else problem("input-not-offered")


def parse_multi(text: str, step: Step, labels: dict[str, str]) -> list[str] | Problem:
    """Several of the offered options, separated by commas, semicolons or lines."""
    parts = [p for p in re.split(r"[,;\n]+", text) if p.strip()]
    chosen: list[str] = []
    for part in parts:
        value = match_option(part, step.options, labels)
        if value is None:
            return problem("input-not-offered")
        if value not in chosen:
            chosen.append(value)
    if not chosen:
        return problem("input-empty")
    return chosen


_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)*%?$")


def to_number(text: str) -> float | None:
    """Read a number written the Flemish way (1.234,5) or the English way (1,234.5)."""
    raw = text.strip().replace(" ", "").replace("\u00a0", "").replace("€", "")
    # Forty characters is far beyond any real quantity; longer digit strings overflow floats.
    if not raw or len(raw) > 40 or not _NUMBER.match(raw):
        return None
    raw = raw.rstrip("%")
    if "," in raw and "." in raw:
        # Whichever separator comes last is the decimal one.
        if raw.rfind(",") > raw.rfind("."):
            raw = raw.replace(".", "").replace(",", ".")
        else:
            raw = raw.replace(",", "")
    elif raw.count(",") > 1:
        head, *groups = raw.split(",")
        # 1,234,567: several commas can only be English thousands separators.
        if not all(len(g) == 3 for g in groups):
            return None
        raw = raw.replace(",", "")
    elif "," in raw:
        head, _, tail = raw.rpartition(",")
        # "1,234" with three digits after a single comma is a thousands separator in English,
        # but Flemish users write decimals with a comma; a comma is a decimal comma here.
        raw = head.replace(",", "") + "." + tail
    elif "." in raw:
        head, *groups = raw.split(".")
        # Flemish writers use dots for thousands (1.234 = 1234); a single short tail or a
        # leading zero means a decimal point (12.5, 0.75).
        if all(len(g) == 3 for g in groups) and head.lstrip("+-") not in ("", "0"):
            raw = raw.replace(".", "")
        elif len(groups) > 1:
            return None
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_number(text: str, step: Step) -> float | int | Problem:
    """A number within the step's bounds."""
    value = to_number(text)
    if value is None:
        return problem("input-not-a-number")
    return _bounded(value, step)


def _bounded(value: float, step: Step) -> float | int | Problem:
    if step.minimum is not None and value < step.minimum:
        return problem("input-too-small", min=_show(step.minimum))
    if step.maximum is not None and value > step.maximum:
        return problem("input-too-large", max=_show(step.maximum))
    return int(value) if float(value).is_integer() else value


def _show(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def parse_scale(text: str, step: Step) -> int | Problem:
    """A whole number on the step's scale."""
    value = to_number(text)
    low = 1 if step.minimum is None else step.minimum
    high = 5 if step.maximum is None else step.maximum
    if value is None or not float(value).is_integer() or not low <= value <= high:
        return problem("input-scale", min=_show(low), max=_show(high))
    return int(value)


def parse_date_answer(text: str, step: Step, today: date) -> str | Problem:
    """A date in Dutch or English, stored as ISO text; in the future when the step says so."""
    parsed = parse_date(text, today=today)
    if parsed is None:
        return problem("input-not-a-date")
    if step.future and parsed.value < today:
        return problem("input-date-past", date=parsed.value)
    return parsed.value.isoformat()


def parse_answer(text: str, step: Step, labels: dict[str, str], today: date) -> Any | Problem:
    """Dispatch on the step's kind."""
    if step.kind == Kind.TEXT:
        return parse_text(text, step)
    if step.kind == Kind.LIST:
        return parse_list(text, step)
    if step.kind == Kind.CHOICE:
        return parse_choice(text, step, labels)
    if step.kind == Kind.MULTI:
        return parse_multi(text, step, labels)
    if step.kind == Kind.SCALE:
        return parse_scale(text, step)
    if step.kind == Kind.NUMBER:
        return parse_number(text, step)
    return parse_date_answer(text, step, today)
