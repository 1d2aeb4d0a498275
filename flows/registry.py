"""Loading and validating flow definitions: a broken flow fails at start, not mid-chat."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from flows.i18n import Translator
from flows.model import Flow, Kind, Registry, Repeat, Step

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


class FlowError(Exception):
    """A flow definition is inconsistent."""


def load_registry(translator: Translator, templates: Path = TEMPLATES) -> Registry:
    """Import every module in flows.tools, let each `register` itself, and validate all flows."""
    registry = Registry()
    package = importlib.import_module("flows.tools")
    for module_info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"flows.tools.{module_info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(registry)
    for flow in registry.flows.values():
        validate_flow(flow, registry, translator, templates)
    validate_tool_commands(registry, translator)
    return registry


def _command_name_problems(command: str) -> list[str]:
    """Telegram accepts 1-32 lower-case letters, digits and underscores."""
    if not (command.isascii() and command.replace("_", "").isalnum() and len(command) <= 32):
        return [f"/{command} is not a valid Telegram command"]
    if command != command.lower():
        return [f"/{command} must be lower case for Telegram"]
    return []


def validate_tool_commands(registry: Registry, translator: Translator) -> None:
    """Raise FlowError when a tool command clashes with another command or lacks a text."""
    from flows.commands import GENERAL  # imported here: commands imports the engine's types

    problems: list[str] = []
    seen: dict[str, str] = {}
    for tool_command in registry.commands.values():
        if not tool_command.commands:
            problems.append(f"tool command {tool_command.id} has no command")
        if (
            tool_command.english_command is not None
            and tool_command.english_command not in tool_command.commands
        ):
            problems.append(f"tool command {tool_command.id}: english command not among its own")
        for command in tool_command.commands:
            problems.extend(_command_name_problems(command))
            if command in GENERAL or registry.by_command(command) is not None:
                problems.append(f"/{command} of {tool_command.id} is taken")
            elif command in seen:
                problems.append(f"/{command} of {tool_command.id} is taken by {seen[command]}")
            seen[command] = tool_command.id
        missing = translator.missing({tool_command.description})
        if missing:
            problems.append(f"tool command {tool_command.id}: missing translations {missing}")
    if problems:
        raise FlowError("; ".join(problems))


def _message_keys(flow: Flow) -> set[str]:
    keys = {flow.title}
    if flow.description:
        keys.add(flow.description)
    for step in flow.all_steps():
        keys.add(step.text)
        keys.update(option.label for option in step.options)
        keys.update(option.label for option in step.suggestions)
    return keys


def validate_flow(flow: Flow, registry: Registry, translator: Translator, templates: Path) -> None:
    """Raise FlowError unless every step is reachable and every reference exists."""
    problems: list[str] = []
    steps = flow.all_steps()
    ids = [step.id for step in steps]
    if not steps:
        problems.append("has no steps")
    if len(set(ids)) != len(ids):
        problems.append(f"duplicate step ids {ids}")
    if any(id_.startswith("_") for id_ in ids):
        problems.append("step ids starting with '_' are reserved for the engine")
    # Steps run in order and `when` only skips, so a step is reachable unless every step
    # before it is a list that can never finish; an always-false condition is caught below.
    for step in steps:
        problems.extend(_step_problems(flow, step, registry))
    if any(isinstance(part, Repeat) for part in flow.steps) and not flow.tool:
        problems.append("repeats need a tool whose items they walk")
    problems.extend(_command_problems(flow, registry))
    if flow.prepare and (flow.store != "draft" or flow.prepare not in registry.prepares):
        problems.append(f"prepare {flow.prepare!r} needs a draft flow and a known function")
    if flow.store == "draft" and not flow.on_complete:
        problems.append("a draft flow needs on_complete")
    for name, table in (
        (flow.quick, registry.quick),
        (flow.on_complete, registry.actions),
        (flow.picture, registry.pictures),
        (flow.item_feedback, registry.feedback),
    ):
        if name and name not in table:
            problems.append(f"unknown named function {name!r}")
    if flow.summary and not (templates / flow.summary).is_file():
        problems.append(f"summary template {flow.summary} not found")
    missing = translator.missing(_message_keys(flow))
    if missing:
        problems.append(f"missing translations {missing}")
    if problems:
        raise FlowError(f"flow {flow.id}: " + "; ".join(problems))


def _command_problems(flow: Flow, registry: Registry) -> list[str]:
    """Every flow has a command, and no command opens two things."""
    from flows.commands import GENERAL  # imported here: commands imports the engine's types

    if not flow.commands:
        return ["has no command"]
    problems: list[str] = []
    if flow.english_command is not None and flow.english_command not in flow.commands:
        problems.append(f"english command /{flow.english_command} is not one of its commands")
    for command in flow.commands:
        owners = [
            f.id for f in registry.flows.values() if f.id != flow.id and command in f.commands
        ]
        if command in GENERAL:
            problems.append(f"command /{command} is a general command")
        elif owners:
            problems.append(f"command /{command} is taken by flow {owners[0]}")
        problems.extend(_command_name_problems(command))
    return problems


def _step_problems(flow: Flow, step: Step, registry: Registry) -> list[str]:
    problems: list[str] = []
    if step.check and step.check not in registry.checks:
        problems.append(f"step {step.id}: unknown check {step.check!r}")
    if step.offers and (step.kind != Kind.TEXT or step.offers not in registry.offers):
        problems.append(f"step {step.id}: offers {step.offers!r} needs a text step and a source")
    if step.prompt_args and step.prompt_args not in registry.prompt_args:
        problems.append(f"step {step.id}: unknown prompt arguments {step.prompt_args!r}")
    if step.when:
        condition = registry.conditions.get(step.when)
        if condition is None:
            problems.append(f"step {step.id}: unknown condition {step.when!r}")
    if step.kind in (Kind.CHOICE, Kind.MULTI) and len(step.options) < 2:
        problems.append(f"step {step.id}: a choice needs at least two options")
    if step.kind == Kind.SCALE and (step.minimum is None or step.maximum is None):
        problems.append(f"step {step.id}: a scale needs minimum and maximum")
    if step.kind == Kind.LIST and flow.repeat_of(step.id) is not None:
        problems.append(f"step {step.id}: a list cannot sit inside a repeat")
    return problems
