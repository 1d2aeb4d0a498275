"""Creating a team with its first project, and adding projects to a team."""

from __future__ import annotations

from typing import Any

from flows.commands import tool_buttons
from flows.context import Context
from flows.domain import Track
from flows.events import Choice, Reply
from flows.model import Flow, Kind, Option, Registry, Step

TRACK = Step(
    id="track",
    kind=Kind.CHOICE,
    text="setup-track",
    options=(
        Option(Track.STRATEGY.value, "track-strategy"),
        Option(Track.PILOT.value, "track-pilot"),
    ),
)
PROJECT_NAME = Step(id="project_name", kind=Kind.TEXT, text="setup-project-name", max_length=100)

TEAM_SETUP = Flow(
    id="team_setup",
    title="setup-team-title",
    commands=("nieuwteam", "newteam"),
    english_command="newteam",
    steps=(
        Step(id="team_name", kind=Kind.TEXT, text="setup-team-name", max_length=100),
        PROJECT_NAME,
        TRACK,
    ),
    store="draft",
    on_complete="create_team",
    needs_project=False,
    menu=False,
)

PROJECT_SETUP = Flow(
    id="project_setup",
    title="setup-project-title",
    commands=("nieuwproject", "newproject"),
    english_command="newproject",
    steps=(PROJECT_NAME, TRACK),
    store="draft",
    on_complete="create_project",
    menu=False,
)


def _next_steps(ctx: Context) -> list[list[Choice]]:
    return [
        [Choice(ctx.plain("button-invite"), "m:invite:")],
        *tool_buttons(ctx),
    ]


async def create_team(draft: dict[str, Any], ctx: Context) -> list[Reply]:
    """Create the team, make the person its coordinator, add the project and make it active."""
    team = await ctx.tx.teams.create(str(draft["team_name"]), ctx.person.id)
    project = await ctx.tx.projects.create(
        team.id, ctx.person.id, str(draft["project_name"]), Track(draft["track"])
    )
    await ctx.tx.people.set_active_project(ctx.person.id, project.id)
    ctx.project, ctx.team = project, team
    return [
        Reply(
            ctx.t("setup-team-done", team=team.name, project=project.name), choices=_next_steps(ctx)
        )
    ]


async def create_project(draft: dict[str, Any], ctx: Context) -> list[Reply]:
    """Add a project to the active team and switch to it."""
    assert ctx.team is not None
    project = await ctx.tx.projects.create(
        ctx.team.id, ctx.person.id, str(draft["project_name"]), Track(draft["track"])
    )
    await ctx.tx.people.set_active_project(ctx.person.id, project.id)
    ctx.project = project
    return [
        Reply(
            ctx.t("setup-project-done", team=ctx.team.name, project=project.name),
            choices=_next_steps(ctx),
        )
    ]


def register(registry: Registry) -> None:
    """Add the set-up flows and their actions."""
    registry.flows[TEAM_SETUP.id] = TEAM_SETUP
    registry.flows[PROJECT_SETUP.id] = PROJECT_SETUP
    registry.actions["create_team"] = create_team
    registry.actions["create_project"] = create_project
