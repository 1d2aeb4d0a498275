"""Translations through Project Fluent (.ftl files per language), HTML-safe by construction.

Messages in the .ftl files are trusted Telegram HTML; every argument is escaped unless it is
`Markup`, so user-supplied text can never inject markup.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource
from markupsafe import Markup, escape

LOCALES = Path(__file__).resolve().parent / "locales"
LANGUAGES = ("nl", "en")
# Formatted messages kept per Translator. Fluent formats a pattern (and Babel a number) on
# every call, a visible share of each update's CPU, while most messages recur with the same
# arguments (questions, button labels). A full memo starts afresh.
MEMO_SIZE = 1024


def pick_language(code: str | None, default: str) -> str:
    """Map a platform language code (e.g. 'nl-BE', 'en-GB') to a language we speak."""
    if code:
        short = code.split("-")[0].split("_")[0].lower()
        if short in LANGUAGES:
            return short
    return default


def fold(text: str) -> str:
    """Lower-case without accents, for forgiving comparisons of typed answers."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class Translator:
    """Looks up and formats messages in Dutch and English."""

    def __init__(self, directory: Path = LOCALES, default: str = "nl") -> None:
        self.default = default
        self.bundles: dict[str, FluentBundle] = {}
        self._memo: dict[tuple[Any, ...], Markup | str] = {}
        for lang in LANGUAGES:
            bundle = FluentBundle([lang], use_isolating=False)
            source = (directory / f"{lang}.ftl").read_text(encoding="utf-8")
            resource = FluentResource(source)
            bundle.add_resource(resource)
            self.bundles[lang] = bundle

    def has(self, key: str, lang: str | None = None) -> bool:
        """Whether a message exists (in one language, or in all when lang is None)."""
        langs = [lang] if lang else list(LANGUAGES)
        return all(self.bundles[x].has_message(key) for x in langs)

    def missing(self, keys: set[str]) -> list[str]:
        """Keys absent in at least one language (for validating flows at load)."""
        return sorted(key for key in keys if not self.has(key))

    def t(self, lang: str, key: str, **args: Any) -> Markup:
        """The formatted message as safe HTML; arguments are escaped."""
        memo = _memo_key("t", lang, key, args)
        try:
            found = self._memo.get(memo)
        except TypeError:  # an argument that cannot be a dict key: formatted each time
            return self._format(lang, key, args)
        if found is None:
            found = self._remember(memo, self._format(lang, key, args))
        return Markup(found)

    def _format(self, lang: str, key: str, args: Mapping[str, Any]) -> Markup:
        bundle = self.bundles.get(lang) or self.bundles[self.default]
        if not bundle.has_message(key):
            bundle = self.bundles[self.default]
            if not bundle.has_message(key):
                raise KeyError(f"missing translation: {key}")
        message = bundle.get_message(key)
        if message.value is None:
            raise KeyError(f"message without value: {key}")
        safe_args = {name: self._arg(value) for name, value in args.items()}
        text, errors = bundle.format_pattern(message.value, safe_args)
        if errors:
            raise ValueError(f"translation {key}: {errors}")
        return Markup(text)

    def _remember(self, memo: tuple[Any, ...], text: Markup | str) -> Markup | str:
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[memo] = text
        return text

    def attribute(self, lang: str, key: str, attribute: str) -> Markup:
        """A message attribute (e.g. `.hint`), as safe HTML."""
        bundle = self.bundles.get(lang) or self.bundles[self.default]
        message = bundle.get_message(key)
        pattern = message.attributes[attribute]
        text, _ = bundle.format_pattern(pattern, {})
        return Markup(text)

    @staticmethod
    def _arg(value: Any) -> Any:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
        if isinstance(value, Markup):
            return str(value)
        if isinstance(value, date):
            return str(value)
        return str(escape(str(value)))

    def plain(self, lang: str, key: str, **args: Any) -> str:
        """The message without HTML (for button labels and command descriptions)."""
        memo = _memo_key("plain", lang, key, args)
        try:
            found = self._memo.get(memo)
        except TypeError:  # an argument that cannot be a dict key: formatted each time
            return self.t(lang, key, **args).striptags()
        if found is None:
            found = self._remember(memo, self.t(lang, key, **args).striptags())
        return str(found)

    def choices(self, lang: str, keys: Mapping[str, str]) -> dict[str, str]:
        """Plain labels for a mapping value -> message key."""
        return {value: self.plain(lang, key) for value, key in keys.items()}


def _memo_key(kind: str, lang: str, key: str, args: Mapping[str, Any]) -> tuple[Any, ...]:
    """What identifies a formatted message in the memo.

    Each argument's type is part of it: values that compare equal can format differently
    (True and 1; a `Markup` is kept as it is, an equal `str` is escaped).
    """
    parts: list[Any] = [kind, lang, key]
    for name, value in args.items():
        parts += (name, type(value), value)
    return tuple(parts)
