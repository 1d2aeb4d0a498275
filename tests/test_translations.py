"""Every message the code asks for exists in Dutch and English, and the two files match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast

from flows.i18n import LOCALES, Translator, pick_language

ROOT = Path(__file__).resolve().parent.parent
# Literal keys passed to t(), plain() or Option/Step texts in code and templates.
CALLS = re.compile(r"""\b(?:t|plain)\(\s*["']([a-z][a-z0-9_-]*[a-z0-9])["']\s*[,)]""")
STEP_TEXT = re.compile(r"""\btext=["']([a-z][a-z0-9_-]+)["']""")


def _keys(lang: str) -> dict[str, ast.Message]:
    resource = FluentParser().parse((LOCALES / f"{lang}.ftl").read_text(encoding="utf-8"))
    junk = [entry for entry in resource.body if isinstance(entry, ast.Junk)]
    assert not junk, f"{lang}.ftl has syntax errors: {[j.content[:80] for j in junk]}"
    return {e.id.name: e for e in resource.body if isinstance(e, ast.Message)}


def _used_keys() -> set[str]:
    found: set[str] = set()
    for path in [*ROOT.glob("flows/**/*.py"), *ROOT.glob("bot/**/*.py"), *ROOT.glob("templates/*")]:
        source = path.read_text(encoding="utf-8")
        found.update(CALLS.findall(source))
        found.update(STEP_TEXT.findall(source))
    return found


def test_both_languages_have_the_same_messages_and_attributes() -> None:
    nl, en = _keys("nl"), _keys("en")
    assert sorted(set(nl) ^ set(en)) == []
    for key in nl:
        nl_attrs = {a.id.name for a in nl[key].attributes}
        en_attrs = {a.id.name for a in en[key].attributes}
        assert nl_attrs == en_attrs, key


def test_every_key_used_in_code_exists() -> None:
    used = _used_keys()
    assert len(used) > 50  # the scan itself works
    assert Translator().missing(used) == []


@pytest.mark.parametrize(
    ("code", "expected"),
    [("nl", "nl"), ("nl-BE", "nl"), ("en-GB", "en"), ("en", "en"), ("fr", "nl"), (None, "nl")],
)
def test_platform_language_is_mapped(code: str | None, expected: str) -> None:
    assert pick_language(code, "nl") == expected


def test_arguments_are_escaped_but_messages_keep_their_markup() -> None:
    t = Translator()
    html = t.t("nl", "sh-feedback", name="<b>Kringwinkel & co</b>", strategy="X", advice="y")
    assert "&lt;b&gt;Kringwinkel &amp; co&lt;/b&gt;" in html
    assert html.startswith("<b>")  # the message's own bold survives
