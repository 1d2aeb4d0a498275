"""The extension points a tool uses without touching the engine: quick entries, tool commands,
tool buttons and prefilled walks."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from flows.commands import menu_commands
from flows.context import Context
from flows.engine import Engine
from flows.events import ChatKind, Choice, Reply
from flows.i18n import LOCALES, Translator
from flows.model import Flow, Kind, Step, ToolCommand
from flows.registry import FlowError, load_registry, validate_flow, validate_tool_commands
from storage.db import Store
from tests.chat import Clock, Person, create_team

EXTRA = {
    "nl": """
note-title = notitie
note-subject = Waarover gaat de notitie?
note-body = Wat wil je noteren?
note-count = Tel de notities
note-carrier = Wie draagt het?
note-about = Wat wil je nog weten over { $subject } (al { $count } notities)?
""",
    "en": """
note-title = note
note-subject = What is the note about?
note-body = What do you want to note?
note-count = Count the notes
note-carrier = Who carries it?
note-about = What else about { $subject } ({ $count } notes so far)?
""",
}

NOTE = Flow(
    id="note",
    title="note-title",
    commands=("notitie", "note"),
    tool="note",
    store="draft",
    on_complete="save_note",
    quick="quick_note",
    steps=(
        Step(id="subject", kind=Kind.TEXT, text="note-subject"),
        Step(id="body", kind=Kind.TEXT, text="note-body"),
    ),
)


async def save_note(draft: dict[str, Any], ctx: Context) -> list[Reply]:
    """Store the note as an item and say so, with a button to count the notes."""
    assert ctx.project is not None
    await ctx.tx.items.add(ctx.project.id, "note", dict(draft), ctx.person.id)
    return [
        Reply(
            f"saved {draft['subject']}: {draft['body']}",
            choices=[[Choice("count", "t:note:count:")]],
        )
    ]


async def quick_note(ctx: Context, args: str, engine: Engine) -> list[Reply]:
    """`/notitie subject | body`: whatever is missing is asked for."""
    subject, _, body = (part.strip() for part in args.partition("|"))
    draft = {key: value for key, value in (("subject", subject), ("body", body)) if value}
    return await engine.open_flow(ctx, NOTE, draft=draft)


async def count_notes(ctx: Context, args: str, engine: Engine) -> list[Reply]:
    """`/teller`: how many notes the project has."""
    assert ctx.project is not None
    return [Reply(f"notes: {await ctx.tx.items.count(ctx.project.id, 'note')} {args}".strip())]


async def note_button(ctx: Context, action: str, payload: str, engine: Engine) -> list[Reply]:
    """The note tool's buttons."""
    if action == "count":
        return await count_notes(ctx, payload, engine)
    return [Reply("unknown")]


CARRIER = Flow(
    id="carrier",
    title="note-title",
    commands=("drager", "carrier"),
    store="draft",
    on_complete="save_carrier",
    steps=(
        Step(id="who", kind=Kind.TEXT, text="note-carrier", offers="notes", max_length=20),
        Step(id="more", kind=Kind.TEXT, text="note-about", prompt_args="about", optional=True),
    ),
)


async def about_args(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """The prompt names the answer so far and how many notes the team has."""
    assert ctx.project is not None
    return {"subject": data["who"], "count": await ctx.tx.items.count(ctx.project.id, "note")}


async def note_subjects(ctx: Context, data: dict[str, Any]) -> list[str]:
    """The subjects of the project's notes, as tappable answers."""
    assert ctx.project is not None
    notes = await ctx.tx.items.list(ctx.project.id, "note", ctx.person.id)
    return [str(note.data["subject"]) for note in notes]


async def save_carrier(draft: dict[str, Any], ctx: Context) -> list[Reply]:
    """Echo the answer."""
    return [Reply(f"carried by {draft['who']}")]


COUNT = ToolCommand(
    id="count", commands=("teller", "count"), handler=count_notes, description="note-count"
)


@pytest.fixture
def note_engine(store: Store, clock: Clock, tmp_path: Path) -> Engine:
    """The real flows plus the note tool, registered the way a tool module does."""
    for lang, extra in EXTRA.items():
        shutil.copyfile(LOCALES / f"{lang}.ftl", tmp_path / f"{lang}.ftl")
        with (tmp_path / f"{lang}.ftl").open("a", encoding="utf-8") as handle:
            handle.write(extra)
    translator = Translator(tmp_path)
    registry = load_registry(translator)
    registry.flows[NOTE.id] = NOTE
    registry.actions["save_note"] = save_note
    registry.quick["quick_note"] = quick_note
    registry.commands[COUNT.id] = COUNT
    registry.buttons["note"] = note_button
    registry.flows[CARRIER.id] = CARRIER
    registry.offers["notes"] = note_subjects
    registry.prompt_args["about"] = about_args
    registry.actions["save_carrier"] = save_carrier
    validate_flow(CARRIER, registry, translator, Path("templates"))
    validate_flow(NOTE, registry, translator, Path("templates"))
    validate_tool_commands(registry, translator)
    return Engine(store, translator=translator, registry=registry, clock=clock.now)


async def test_a_complete_quick_entry_is_stored_without_questions(note_engine: Engine) -> None:
    an = Person(note_engine, "An")
    await create_team(an)
    await an.say("/notitie Repaircafé | elke eerste zaterdag")
    assert "saved Repaircafé: elke eerste zaterdag" in an.text
    await an.say("/teller")
    assert an.text == "notes: 1"


async def test_a_quick_entry_asks_only_what_is_missing(note_engine: Engine) -> None:
    an = Person(note_engine, "An")
    await create_team(an)
    await an.say("/notitie Repaircafé")
    assert "Wat wil je noteren?" in an.text
    assert "Waarover" not in an.text
    await an.say("in de bib")
    assert "saved Repaircafé: in de bib" in an.text


async def test_without_text_the_command_opens_the_whole_flow(note_engine: Engine) -> None:
    an = Person(note_engine, "An")
    await create_team(an)
    await an.say("/note")
    assert "Waarover gaat de notitie?" in an.text


async def test_tool_commands_and_buttons_reach_the_tool(note_engine: Engine) -> None:
    an = Person(note_engine, "An")
    await create_team(an)
    await an.say("/notitie a | b")
    await an.press("count")
    assert an.text == "notes: 1"
    await an.event(button="t:nothing:count:")
    assert "verlopen" in an.text


async def test_tool_commands_need_a_project_and_are_ours_in_groups(note_engine: Engine) -> None:
    an = Person(note_engine, "An")
    await an.say("/teller")
    assert "notes" not in an.text
    assert an.buttons(), "the no-project reply offers to make a team"
    await create_team(an)
    await an.say("/teller", chat_kind=ChatKind.GROUP, chat_id="group:1")
    assert an.replies, "a tool command in a group is ours: the bot points to the private chat"


def test_tool_commands_appear_in_both_menus(note_engine: Engine) -> None:
    translator, registry = note_engine.translator, note_engine.registry
    assert ("teller", "Tel de notities") in menu_commands(translator, registry, "nl")
    assert ("teller", "Count the notes") in menu_commands(translator, registry, "en")


def test_a_tool_command_that_clashes_is_refused(note_engine: Engine) -> None:
    registry = note_engine.registry
    registry.commands["clash"] = ToolCommand(
        id="clash", commands=("help",), handler=count_notes, description="note-count"
    )
    with pytest.raises(FlowError, match="taken"):
        validate_tool_commands(registry, note_engine.translator)


async def test_a_text_step_offers_tappable_answers_from_the_team_data(note_engine: Engine) -> None:
    an = Person(note_engine, "An")
    await create_team(an)
    await an.say("/notitie Kringwinkel | ophaling")
    await an.say("/notitie IVAGO | containers")
    await an.say("/notitie Een onderwerp dat veel te lang is | voor een knop")
    await an.say("/drager")
    labels = [c.label for c in an.buttons()]
    assert "Kringwinkel" in labels and "IVAGO" in labels
    assert not any("te lang" in label for label in labels), "answers must fit the step"
    stale = an.button("IVAGO").value
    await an.press("IVAGO")
    assert "Wat wil je nog weten over IVAGO (al 3 notities)?" in an.text
    await an.press("Overslaan")
    assert an.text == "carried by IVAGO"
    await an.event(button=stale)
    assert "verlopen" in an.text, "a pressed offer does not answer twice"
    await an.say("/drager")
    await an.say("<b>De schepen</b>")
    assert "over <b>De schepen</b> (al" in an.text, "prompt arguments are shown as text"
    assert "&lt;b&gt;De schepen" in an.replies[0].html
    await an.press("Overslaan")
    assert an.text == "carried by De schepen", "typing another answer stays possible"


def test_an_offer_needs_a_known_source_and_a_text_step(note_engine: Engine) -> None:
    registry = note_engine.registry
    broken = Flow(
        id="broken",
        title="note-title",
        commands=("kapot",),
        store="draft",
        on_complete="save_carrier",
        steps=(Step(id="who", kind=Kind.TEXT, text="note-carrier", offers="nothing"),),
    )
    with pytest.raises(FlowError, match="offers"):
        validate_flow(broken, registry, note_engine.translator, Path("templates"))
    unknown = Step(id="who", kind=Kind.TEXT, text="note-about", prompt_args="nothing")
    with pytest.raises(FlowError, match="prompt arguments"):
        validate_flow(
            replace(broken, steps=(unknown,)), registry, note_engine.translator, Path("templates")
        )


async def test_a_prepared_draft_walk_lets_conditions_see_team_facts(note_engine: Engine) -> None:
    registry = note_engine.registry

    async def facts(ctx: Context) -> dict[str, Any]:
        assert ctx.project is not None
        count = await ctx.tx.items.count(ctx.project.id, "note")
        return {"_notes": count, "who": "ignored: prepared keys start with _"}

    prepared = replace(
        CARRIER,
        id="prepared",
        commands=("voorbereid",),
        prepare="facts",
        steps=(
            Step(id="who", kind=Kind.TEXT, text="note-carrier", when="first_note"),
            Step(id="more", kind=Kind.TEXT, text="note-body", optional=True),
        ),
    )
    registry.flows[prepared.id] = prepared
    registry.prepares["facts"] = facts
    registry.conditions["first_note"] = lambda data: data.get("_notes") == 0
    validate_flow(prepared, registry, note_engine.translator, Path("templates"))
    an = Person(note_engine, "An")
    await create_team(an)
    await an.say("/voorbereid")
    assert "Wie draagt het?" in an.text, "no notes yet: the condition saw the prepared fact"
    await an.say("stop")
    await an.say("/notitie IVAGO | containers")
    await an.say("/voorbereid")
    await an.press("Opnieuw")
    assert "Wie draagt het?" not in an.text and "Wat wil je noteren?" in an.text
    with pytest.raises(FlowError, match="prepare"):
        validate_flow(
            replace(prepared, prepare="unknown"), registry, note_engine.translator, Path("t")
        )
