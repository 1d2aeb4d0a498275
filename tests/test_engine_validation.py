"""Flow definitions are validated at load: each inconsistency raises a FlowError naming it."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from flows.commands import GENERAL, menu_commands
from flows.i18n import LANGUAGES, LOCALES, Translator
from flows.model import Flow, Kind, Option, Registry, Repeat, Step
from flows.registry import TEMPLATES, FlowError, load_registry, validate_flow

LEVELS = (
    Option("low", "level-low"),
    Option("medium", "level-medium"),
    Option("high", "level-high"),
)
POWER = Step(id="power", kind=Kind.CHOICE, text="sh-power", options=LEVELS)
NOTE = Step(id="note", kind=Kind.TEXT, text="sh-note", optional=True)


@pytest.fixture(scope="module")
def translator() -> Translator:
    """The real Dutch and English messages."""
    return Translator()


def make_flow(**changes: Any) -> Flow:
    """A small valid flow, with some fields replaced."""
    base = Flow(
        id="broken",
        title="sh-title",
        commands=("kapot", "broken"),
        tool="broken",
        steps=(POWER, NOTE),
    )
    return dataclasses.replace(base, **changes)


def problems(flow: Flow, translator: Translator, registry: Registry | None = None) -> str:
    """The FlowError message validating the flow raises (fails when it raises nothing)."""
    with pytest.raises(FlowError) as raised:
        validate_flow(flow, registry or Registry(), translator, TEMPLATES)
    message = str(raised.value)
    assert message.startswith("flow broken:"), message
    return message


def test_the_small_flow_itself_is_valid(translator: Translator) -> None:
    validate_flow(make_flow(), Registry(), translator, TEMPLATES)


def test_duplicate_step_ids(translator: Translator) -> None:
    message = problems(make_flow(steps=(POWER, NOTE, dataclasses.replace(NOTE))), translator)
    assert "duplicate step ids" in message and "note" in message


def test_duplicate_step_ids_across_a_repeat(translator: Translator) -> None:
    flow = make_flow(steps=(POWER, Repeat(id="each", steps=(NOTE, POWER))))
    assert "duplicate step ids" in problems(flow, translator)


def test_reserved_step_ids(translator: Translator) -> None:
    flow = make_flow(steps=(dataclasses.replace(NOTE, id="_name"),))
    assert "reserved for the engine" in problems(flow, translator)


def test_no_steps(translator: Translator) -> None:
    assert "has no steps" in problems(make_flow(steps=()), translator)


def test_unknown_check(translator: Translator) -> None:
    flow = make_flow(steps=(POWER, dataclasses.replace(NOTE, check="no_such_check")))
    assert "step note: unknown check 'no_such_check'" in problems(flow, translator)


def test_known_check_is_accepted(translator: Translator) -> None:
    registry = Registry(checks={"short": lambda value, ctx: None})
    flow = make_flow(steps=(POWER, dataclasses.replace(NOTE, check="short")))
    validate_flow(flow, registry, translator, TEMPLATES)


def test_unknown_condition(translator: Translator) -> None:
    flow = make_flow(steps=(POWER, dataclasses.replace(NOTE, when="if_high")))
    assert "step note: unknown condition 'if_high'" in problems(flow, translator)


def test_unknown_action(translator: Translator) -> None:
    flow = make_flow(store="draft", on_complete="launch_rocket")
    assert "unknown named function 'launch_rocket'" in problems(flow, translator)


def test_draft_flow_without_action(translator: Translator) -> None:
    assert "a draft flow needs on_complete" in problems(make_flow(store="draft"), translator)


def test_unknown_picture(translator: Translator) -> None:
    flow = make_flow(picture="no_such_chart")
    assert "unknown named function 'no_such_chart'" in problems(flow, translator)


def test_unknown_item_feedback(translator: Translator) -> None:
    flow = make_flow(steps=(Repeat(id="each", steps=(POWER,)),), item_feedback="praise")
    assert "unknown named function 'praise'" in problems(flow, translator)


def test_missing_summary_template(translator: Translator) -> None:
    flow = make_flow(summary="no_such_summary.html.j2")
    assert "summary template no_such_summary.html.j2 not found" in problems(flow, translator)


def test_missing_translation_of_a_question(translator: Translator) -> None:
    flow = make_flow(steps=(POWER, dataclasses.replace(NOTE, text="probe-missing-question")))
    assert "missing translations ['probe-missing-question']" in problems(flow, translator)


def test_missing_translations_of_title_description_and_option(translator: Translator) -> None:
    options = (*LEVELS[:2], Option("extreme", "level-extreme"))
    flow = make_flow(
        title="probe-no-title",
        description="probe-no-description",
        steps=(dataclasses.replace(POWER, options=options),),
    )
    message = problems(flow, translator)
    assert "missing translations" in message
    for key in ("level-extreme", "probe-no-description", "probe-no-title"):
        assert key in message


def test_a_translation_in_only_one_language_is_missing(tmp_path: Path) -> None:
    for lang in LANGUAGES:
        shutil.copyfile(LOCALES / f"{lang}.ftl", tmp_path / f"{lang}.ftl")
    with (tmp_path / "nl.ftl").open("a", encoding="utf-8") as handle:
        handle.write("\nprobe-only-dutch = Alleen in het Nederlands\n")
    translator = Translator(tmp_path)
    flow = make_flow(steps=(POWER, dataclasses.replace(NOTE, text="probe-only-dutch")))
    assert "missing translations ['probe-only-dutch']" in problems(flow, translator)


@pytest.mark.parametrize("kind", [Kind.CHOICE, Kind.MULTI])
def test_a_choice_with_one_option(translator: Translator, kind: Kind) -> None:
    flow = make_flow(steps=(dataclasses.replace(POWER, kind=kind, options=LEVELS[:1]),))
    assert "step power: a choice needs at least two options" in problems(flow, translator)


def test_a_scale_without_bounds(translator: Translator) -> None:
    scale = Step(id="score", kind=Kind.SCALE, text="sh-power", minimum=1)
    assert "step score: a scale needs minimum and maximum" in problems(
        make_flow(steps=(scale,)), translator
    )


def test_a_list_inside_a_repeat(translator: Translator) -> None:
    names = Step(id="names", kind=Kind.LIST, text="sh-longlist")
    flow = make_flow(steps=(Repeat(id="each", steps=(POWER, names)),))
    assert "step names: a list cannot sit inside a repeat" in problems(flow, translator)


def test_a_repeat_needs_a_tool(translator: Translator) -> None:
    flow = make_flow(tool="", steps=(Repeat(id="each", steps=(POWER,)),))
    assert "repeats need a tool" in problems(flow, translator)


def test_every_problem_is_named_at_once(translator: Translator) -> None:
    flow = make_flow(
        steps=(
            dataclasses.replace(POWER, options=LEVELS[:1], check="nope"),
            dataclasses.replace(NOTE, text="probe-missing"),
        ),
        summary="nope.html.j2",
    )
    message = problems(flow, translator)
    for part in ("two options", "unknown check 'nope'", "nope.html.j2", "probe-missing"):
        assert part in message


def test_a_command_already_taken_by_another_flow_or_a_general_command(
    translator: Translator,
) -> None:
    registry = load_registry(translator)
    # The tool's command would shadow /stakeholders (and /stop: nobody could pause any more).
    for taken in ("stakeholders", "stop"):
        flow = make_flow(commands=("kapot", taken))
        assert taken in problems(flow, translator, registry)


def test_a_flow_without_a_command(translator: Translator) -> None:
    # "stop" tells people to type /<first command> to continue: a flow needs one.
    assert "command" in problems(make_flow(commands=()), translator)


def test_the_english_menu_command_must_open_the_flow(translator: Translator) -> None:
    assert "english command /kaput" in problems(make_flow(english_command="kaput"), translator)
    flow = make_flow(english_command="broken")
    validate_flow(flow, Registry(), translator, TEMPLATES)
    assert (flow.menu_command("nl"), flow.menu_command("en")) == ("kapot", "broken")


def test_menus_show_each_language_its_own_command(translator: Translator) -> None:
    registry = load_registry(translator)
    dutch = dict(menu_commands(translator, registry, "nl"))
    english = dict(menu_commands(translator, registry, "en"))
    assert "stakeholders" in dutch and "stakeholders" in english
    assert "overzicht" in dutch and "summary" in english and "summary" not in dutch
    assert "stakeholderkaart" not in english  # a Dutch alias never shows in the English menu


# ---------------------------------------------------------------------------------------------
# the real flows


def message_keys(flow: Flow) -> set[str]:
    """Every message key a flow refers to."""
    keys = {flow.title} | ({flow.description} if flow.description else set())
    for step in flow.all_steps():
        keys.add(step.text)
        keys.update(option.label for option in (*step.options, *step.suggestions))
    return keys


def test_the_real_registry_loads_cleanly(translator: Translator) -> None:
    registry = load_registry(translator)
    assert {"team_setup", "project_setup", "stakeholders"} <= set(registry.flows)
    for flow in registry.flows.values():
        validate_flow(flow, registry, translator, TEMPLATES)
        assert flow.commands, flow.id
        for name, table in (
            (flow.on_complete, registry.actions),
            (flow.picture, registry.pictures),
            (flow.item_feedback, registry.feedback),
        ):
            assert name is None or name in table
        assert flow.summary is None or (TEMPLATES / flow.summary).is_file()


def test_every_flow_speaks_dutch_and_english(translator: Translator) -> None:
    registry = load_registry(translator)
    for flow in registry.flows.values():
        # Prompts with arguments (Step.prompt_args) only render with them: their tools'
        # transcript tests show them; here they must exist in both languages.
        with_args = {step.text for step in flow.all_steps() if step.prompt_args}
        for key in message_keys(flow):
            for lang in LANGUAGES:
                assert translator.has(key, lang), f"{flow.id}: {key} missing in {lang}"
            if key in with_args:
                continue
            texts = {lang: translator.plain(lang, key) for lang in LANGUAGES}
            assert all(texts.values()), (flow.id, key)
        for step in flow.all_steps():
            attributes = {
                lang: set(translator.bundles[lang].get_message(step.text).attributes)
                for lang in LANGUAGES
            }
            assert attributes["nl"] == attributes["en"], (flow.id, step.id, attributes)


def test_commands_of_the_real_flows_are_unique_and_clash_with_no_general_command(
    translator: Translator,
) -> None:
    registry = load_registry(translator)
    seen: dict[str, str] = {}
    for flow in registry.flows.values():
        for command in flow.commands:
            assert re.fullmatch(r"[a-z0-9_]{1,32}", command), command  # Telegram's rule
            assert command not in GENERAL, command
            assert command not in seen, (command, seen.get(command), flow.id)
            seen[command] = flow.id


def test_dutch_and_english_files_have_the_same_messages() -> None:
    pattern = re.compile(r"^([a-z][a-z0-9_-]*)\s*=", re.MULTILINE)
    keys = {
        lang: set(pattern.findall((LOCALES / f"{lang}.ftl").read_text(encoding="utf-8")))
        for lang in LANGUAGES
    }
    assert keys["nl"] - keys["en"] == set()
    assert keys["en"] - keys["nl"] == set()
