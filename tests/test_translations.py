"""Every message the code asks for exists in Dutch and English, and the two files match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast
from markupsafe import Markup

from flows.i18n import LOCALES, MEMO_SIZE, Translator, pick_language

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


def _ftl(tmp_path: Path, body: str) -> Path:
    for lang in ("nl", "en"):
        (tmp_path / f"{lang}.ftl").write_text(body, encoding="utf-8")
    return tmp_path


def test_formatted_messages_are_remembered_without_mixing_up_arguments(tmp_path: Path) -> None:
    t = Translator(
        _ftl(
            tmp_path,
            "hello = Dag <b>{ $name }</b>\n"
            "count = { $n ->\n    [one] één ding\n   *[other] { $n } dingen\n}\n",
        )
    )
    # Equal as dict keys, formatted differently: a Markup argument is trusted, a str escaped.
    assert t.t("nl", "hello", name=Markup("<i>x</i>")) == "Dag <b><i>x</i></b>"
    assert t.t("nl", "hello", name="<i>x</i>") == "Dag <b>&lt;i&gt;x&lt;/i&gt;</b>"
    assert t.t("nl", "hello", name=Markup("<i>x</i>")) == "Dag <b><i>x</i></b>"
    assert t.plain("nl", "hello", name="<i>x</i>") == "Dag <i>x</i>"
    assert t.plain("nl", "hello", name=Markup("<i>x</i>")) == "Dag x"
    # True == 1, but a boolean is not a number to Fluent.
    assert t.t("nl", "count", n=1) == "één ding"
    assert t.t("nl", "count", n=True) == "True dingen"
    assert t.t("nl", "count", n=1) == "één ding"
    assert isinstance(t.t("nl", "count", n=1), Markup)
    # An argument that cannot be a dict key is formatted each time.
    assert t.t("nl", "hello", name=["a"]) == "Dag <b>[&#39;a&#39;]</b>"


def test_the_memo_of_formatted_messages_stays_bounded(tmp_path: Path) -> None:
    t = Translator(_ftl(tmp_path, "hello = Dag { $name }\n"))
    for number in range(MEMO_SIZE + 10):
        assert t.t("nl", "hello", name=f"n{number}") == f"Dag n{number}"
    assert len(t._memo) <= MEMO_SIZE
    assert t.t("nl", "hello", name=f"n{MEMO_SIZE + 9}") == f"Dag n{MEMO_SIZE + 9}"
