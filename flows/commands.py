"""General commands and menus: help, teams, invites, projects, language, editing saved answers."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from flows.context import Context, Links
from flows.dates import format_date
from flows.domain import Conversation, ConversationStatus, Item, Role, Track
from flows.events import ChatKind, Choice, Reply
from flows.i18n import Translator, fold
from flows.model import Flow, Kind, Registry, Step, ToolCommand
from storage.repositories import AccessDenied, NotFound

if TYPE_CHECKING:
    from flows.engine import Engine

# Command names in both languages, mapped to one action.
GENERAL: dict[str, str] = {
    "start": "start",
    "help": "help",
    "hulp": "help",
    "stop": "stop",
    "overzicht": "summary",
    "summary": "summary",
    "team": "team",
    "uitnodigen": "invite",
    "invite": "invite",
    "leden": "members",
    "members": "members",
    "verlaten": "leave",
    "leave": "leave",
    "project": "projects",
    "projecten": "projects",
    "projects": "projects",
    "koppel": "link",
    "link": "link",
    "taal": "language",
    "language": "language",
    "wijzig": "edit",
    "edit": "edit",
}

# (nl command, en command, description key) for the Telegram command menu and /help.
MENU = (
    ("help", "help", "cmd-help"),
    ("overzicht", "summary", "cmd-summary"),
    ("wijzig", "edit", "cmd-edit"),
    ("team", "team", "cmd-team"),
    ("uitnodigen", "invite", "cmd-invite"),
    ("project", "projects", "cmd-projects"),
    ("taal", "language", "cmd-language"),
    ("stop", "stop", "cmd-stop"),
)


def menu_commands(
    translator: Translator, registry: Registry, lang: str, track: Track | None = None
) -> list[tuple[str, str]]:
    """(command, description) pairs for a language's command menu, in the method's order.

    With a track, only the tools of that track (and those of both) are listed.
    """
    entries: list[tuple[int, str, str]] = []
    shown: list[Flow | ToolCommand] = [*registry.flows.values(), *registry.commands.values()]
    for entry in shown:
        if entry.menu and (track is None or track in entry.tracks):
            key = entry.description or entry.title if isinstance(entry, Flow) else entry.description
            entries.append((entry.order, entry.menu_command(lang), translator.plain(lang, key)))
    entries.sort(key=lambda entry: entry[0])  # stable: equal places keep registration order
    pairs = [(command, description) for _, command, description in entries]
    for nl, en, key in MENU:
        pairs.append((nl if lang == "nl" else en, translator.plain(lang, key)))
    return pairs


# ---------------------------------------------------------------------------------------------
# shared replies


def expired(ctx: Context) -> Reply:
    """A button that no longer applies."""
    return Reply(ctx.t("button-expired"), notice=True)


def no_project(ctx: Context) -> Reply:
    """The person is in no team or project yet."""
    return Reply(
        ctx.t("no-project"),
        choices=[[Choice(ctx.plain("button-new-team"), "m:open:team_setup")]],
    )


def tool_buttons(ctx: Context) -> list[list[Choice]]:
    """A button per tool of the active project's track, in the method's order."""
    track = ctx.project.track if ctx.project is not None else None
    flows = sorted(
        (
            flow
            for flow in ctx.registry.flows.values()
            if flow.menu and flow.needs_project and (track is None or track in flow.tracks)
        ),
        key=lambda flow: flow.order,
    )
    return [
        [Choice(ctx.plain(flow.description or flow.title), f"m:open:{flow.id}")] for flow in flows
    ]


def fallback(ctx: Context) -> Reply:
    """Text that is not an answer to anything."""
    if ctx.project is None:
        return no_project(ctx)
    return Reply(ctx.t("fallback"), choices=tool_buttons(ctx))


def after_flow_menu(ctx: Context, flow: Flow) -> list[list[Choice]]:
    """What one can do once a flow is finished."""
    return [
        [
            Choice(ctx.plain("button-add-more"), f"m:open:{flow.id}"),
            Choice(ctx.plain("button-edit"), f"m:edit:{flow.id}"),
        ],
        [Choice(ctx.plain("button-summary"), f"m:summary:{flow.id}")],
    ]


async def announce(ctx: Context, flow: Flow) -> list[Reply]:
    """Tell the team's group chat that a tool was updated."""
    if ctx.team is None or ctx.team.group_chat_id is None or ctx.project is None:
        return []
    count = await ctx.tx.items.count(ctx.project.id, flow.tool)
    # The group hears about it in the team's default language, not the member's.
    text = ctx.translator.t(
        ctx.translator.default,
        "announce-updated",
        name=ctx.person.display_name,
        flow=ctx.translator.plain(ctx.translator.default, flow.title),
        count=count,
        project=ctx.project.name,
    )
    return [Reply(text, chat_id=ctx.team.group_chat_id, bulk=True)]


async def load_active_project(ctx: Context) -> None:
    """Fill ctx.project and ctx.team from the person's active project, if they may see it."""
    project_id = ctx.person.active_project_id
    if project_id is None:
        projects = await ctx.tx.projects.of_person(ctx.person.id)
        if len(projects) != 1:
            return
        project_id = projects[0][0].id
        await ctx.tx.people.set_active_project(ctx.person.id, project_id)
    try:
        ctx.project, ctx.team = await ctx.tx.projects.with_team(project_id, ctx.person.id)
    except (AccessDenied, NotFound):
        ctx.project = ctx.team = None
        await ctx.tx.people.set_active_project(ctx.person.id, None)


# ---------------------------------------------------------------------------------------------
# commands


async def general_command(ctx: Context, name: str, args: str, engine: Engine) -> list[Reply]:
    """A command that is not a tool's own."""
    action = GENERAL.get(name)
    if action is None:
        return [Reply(ctx.t("unknown-command", command=name[:40]), choices=help_buttons(ctx))]
    if action == "start":
        return await start(ctx, args, engine)
    if action == "help":
        return [await help_reply(ctx, engine)]
    if action == "stop":
        return await engine.stop(ctx)
    if action == "summary":
        return await summaries(ctx, engine)
    if action == "team":
        return [await team_menu(ctx)]
    if action == "invite":
        return [await invite(ctx)]
    if action == "members":
        return [await members(ctx)]
    if action == "leave":
        return [leave_confirm(ctx)]
    if action == "projects":
        return [await projects(ctx)]
    if action == "language":
        return [language_menu(ctx)]
    if action == "edit":
        return await edit_start(ctx, None, engine)
    return [Reply(ctx.t("link-in-group"))]  # "link" only makes sense in a group


def help_buttons(ctx: Context) -> list[list[Choice]]:
    """Buttons under help-like messages."""
    return [*tool_buttons(ctx), [Choice(ctx.plain("button-team"), "m:team:")]]


async def help_reply(ctx: Context, engine: Engine) -> Reply:
    """What the bot can do, in the person's language."""
    lines = [str(ctx.t("help-intro"))]
    if ctx.project is not None and ctx.team is not None:
        lines.append(str(ctx.t("help-project", project=ctx.project.name, team=ctx.team.name)))
    lines.append("")
    track = ctx.project.track if ctx.project is not None else None
    for command, description in menu_commands(ctx.translator, ctx.registry, ctx.lang, track):
        lines.append(f"/{command} — {Markup.escape(description)}")
    lines.append("")
    lines.append(str(ctx.t("help-words")))
    return Reply("\n".join(lines), choices=help_buttons(ctx))


async def start(ctx: Context, payload: str, engine: Engine) -> list[Reply]:
    """/start, possibly with an invite token from a deep link."""
    if payload and payload != "go":
        team, status = await ctx.tx.teams.redeem_invite(payload, ctx.person.id)
        if team is None:
            return [Reply(ctx.t(f"invite-{status}"))]
        projects = [p for p, t in await ctx.tx.projects.of_person(ctx.person.id) if t.id == team.id]
        if projects:
            await ctx.tx.people.set_active_project(ctx.person.id, projects[-1].id)
            await ctx.tx.conversations.pause_all(ctx.person.id)  # it belongs to the old project
            ctx.project, ctx.team = projects[-1], team
        key = "invite-joined" if status == "joined" else "invite-already"
        return [Reply(ctx.t(key, team=team.name), choices=tool_buttons(ctx))]
    replies = [Reply(ctx.t("welcome", name=ctx.person.display_name))]
    active = await ctx.tx.conversations.active(ctx.person.id)
    if active is not None and not active.cursor.get("mode"):
        flow = engine.flow(active.flow_id)
        replies.append(await engine.prompt(ctx, active, flow, again=True))
        return replies
    if ctx.project is None:
        replies.append(no_project(ctx))
    else:
        replies[0].choices = help_buttons(ctx)
    return replies


async def summaries(ctx: Context, engine: Engine, *, chat_id: str | None = None) -> list[Reply]:
    """The summaries of every tool with data in the active project."""
    if ctx.project is None:
        return [no_project(ctx)]
    replies: list[Reply] = []
    for flow in ctx.registry.flows.values():
        if flow.summary and flow.tool and await ctx.tx.items.count(ctx.project.id, flow.tool):
            replies.extend(await engine.summary(ctx, flow, chat_id=chat_id))
    if not replies:
        return [Reply(ctx.t("summary-empty"), choices=tool_buttons(ctx), chat_id=chat_id)]
    return replies


async def team_menu(ctx: Context) -> Reply:
    """The team menu: who, what, and what a coordinator can do."""
    teams = await ctx.tx.teams.teams_of(ctx.person.id)
    rows = [[Choice(ctx.plain("button-new-team"), "m:open:team_setup")]]
    if not teams:
        return Reply(ctx.t("team-none"), choices=rows)
    lines = [str(ctx.t("team-list-title"))]
    for team, role in teams:
        marker = " ⭐" if ctx.team is not None and team.id == ctx.team.id else ""
        lines.append(
            str(ctx.t("team-line", team=team.name, role=ctx.plain(f"role-{role.value}"))) + marker
        )
    if ctx.team is not None:
        rows.insert(0, [Choice(ctx.plain("button-members"), "m:members:")])
        rows.insert(1, [Choice(ctx.plain("button-projects"), "m:projects:")])
        if await ctx.tx.teams.role_of(ctx.team.id, ctx.person.id) == Role.COORDINATOR:
            rows.insert(0, [Choice(ctx.plain("button-invite"), "m:invite:")])
            rows.append([Choice(ctx.plain("button-revoke"), "m:revoke:")])
        rows.append([Choice(ctx.plain("button-leave"), "m:leave:")])
    return Reply("\n".join(lines), choices=rows)


async def invite(ctx: Context) -> Reply:
    """A coordinator creates an invite link for the active team."""
    if ctx.team is None:
        return no_project(ctx)
    try:
        created = await ctx.tx.teams.create_invite(ctx.team.id, ctx.person.id, ctx.invite_ttl)
    except AccessDenied:
        return Reply(ctx.t("invite-only-coordinator"))
    until = format_date(created.expires_at.date(), ctx.lang)
    return Reply(
        ctx.t(
            "invite-created", team=ctx.team.name, link=ctx.links.invite(created.token), until=until
        )
    )


async def members(ctx: Context) -> Reply:
    """The members of the active team; coordinators get buttons to manage them."""
    if ctx.team is None:
        return no_project(ctx)
    people = await ctx.tx.teams.members(ctx.team.id, ctx.person.id)
    is_coordinator = await ctx.tx.teams.role_of(ctx.team.id, ctx.person.id) == Role.COORDINATOR
    lines = [str(ctx.t("members-title", team=ctx.team.name, count=len(people)))]
    rows: list[list[Choice]] = []
    for member in people:
        lines.append(
            str(
                ctx.t(
                    "member-line",
                    name=member.display_name,
                    role=ctx.plain(f"role-{member.role.value}"),
                )
            )
        )
        if is_coordinator and member.person_id != ctx.person.id:
            rows.append(
                [
                    Choice(
                        ctx.plain("button-remove", name=member.display_name),
                        f"m:remove:{member.person_id}",
                    ),
                    Choice(
                        ctx.plain("button-handover", name=member.display_name),
                        f"m:handover:{member.person_id}",
                    ),
                ]
            )
    return Reply("\n".join(lines), choices=rows)


def leave_confirm(ctx: Context) -> Reply:
    """Ask before leaving a team."""
    if ctx.team is None:
        return no_project(ctx)
    return Reply(
        ctx.t("leave-confirm", team=ctx.team.name),
        choices=[
            [
                Choice(ctx.plain("button-leave-yes"), f"m:leave_yes:{ctx.team.id}"),
                Choice(ctx.plain("button-no"), "m:noop:"),
            ]
        ],
    )


async def projects(ctx: Context) -> Reply:
    """The person's projects across teams, to switch between."""
    found = await ctx.tx.projects.of_person(ctx.person.id)
    rows = [
        [
            Choice(
                ("⭐ " if ctx.project and p.id == ctx.project.id else "") + f"{t.name} · {p.name}",
                f"m:project:{p.id}",
            )
        ]
        for p, t in found
    ]
    if ctx.team is not None:
        rows.append([Choice(ctx.plain("button-new-project"), "m:open:project_setup")])
    if not found:
        return no_project(ctx)
    return Reply(ctx.t("projects-title"), choices=rows)


def language_menu(ctx: Context) -> Reply:
    """Choose Dutch or English."""
    return Reply(
        ctx.t("language-choose"),
        choices=[[Choice("Nederlands", "m:lang:nl"), Choice("English", "m:lang:en")]],
    )


async def group_command(
    ctx: Context, name: str, args: str, flow: Flow | None, engine: Engine
) -> list[Reply]:
    """Commands in a group chat: link the group, post summaries; the rest goes private."""
    action = GENERAL.get(name)
    if action == "link":
        if ctx.team is None:
            return [no_project(ctx)]
        try:
            await ctx.tx.teams.link_group(ctx.team.id, ctx.person.id, ctx.event.chat_id)
        except AccessDenied:
            return [Reply(ctx.t("link-only-coordinator"))]
        return [Reply(ctx.t("link-done", team=ctx.team.name))]
    if action == "summary":
        team = await ctx.tx.teams.by_group(ctx.event.chat_id)
        if team is None:
            return [Reply(ctx.t("group-not-linked"))]
        if await ctx.tx.teams.role_of(team.id, ctx.person.id) is None:
            return [Reply(ctx.t("error-not-allowed"))]
        if ctx.project is None or ctx.project.team_id != team.id:
            found = [
                p for p, t in await ctx.tx.projects.of_person(ctx.person.id) if t.id == team.id
            ]
            if not found:
                return [Reply(ctx.t("summary-empty"))]
            ctx.project, ctx.team = found[-1], team
        return await summaries(ctx, engine)
    if action is None and flow is None and ctx.registry.tool_command(name) is None:
        return []  # commands meant for other bots in the group
    choices = private_chat_choices(ctx.links, ctx.plain("button-open-private"))
    return [Reply(ctx.t("group-go-private"), choices=choices)]


def private_chat_choices(links: Links, label: str) -> list[list[Choice]]:
    """A button that opens the private chat with the bot, where the transport has one."""
    url = links.private_chat()
    return [[Choice(label, url=url)]] if url else []


# ---------------------------------------------------------------------------------------------
# menu buttons


async def menu_button(ctx: Context, action: str, payload: str, engine: Engine) -> list[Reply]:
    """A button that is not bound to a step; permissions are checked again here."""
    if action == "open" and payload in ctx.registry.flows:
        return await engine.open_flow(ctx, engine.flow(payload))
    if action == "restart" and payload in ctx.registry.flows:
        return await engine.open_flow(ctx, engine.flow(payload), restart=True)
    if action == "resume" and payload.isdigit():
        return await engine.resume(ctx, int(payload))
    if action == "summary" and payload in ctx.registry.flows:
        return await engine.summary(ctx, engine.flow(payload)) or [Reply(ctx.t("summary-empty"))]
    if action == "edit" and payload in ctx.registry.flows:
        return await edit_start(ctx, engine.flow(payload), engine)
    if action == "team":
        return [await team_menu(ctx)]
    if action == "invite":
        return [await invite(ctx)]
    if action == "members":
        return [await members(ctx)]
    if action == "projects":
        return [await projects(ctx)]
    if action == "leave":
        return [leave_confirm(ctx)]
    if action == "noop":
        return [Reply(ctx.t("ok"))]
    if action == "lang" and payload in ("nl", "en"):
        await ctx.tx.people.set_language(ctx.person.id, payload)
        ctx.lang = payload
        return [Reply(ctx.t("language-set"))]
    if action == "revoke" and ctx.team is not None:
        count = await ctx.tx.teams.revoke_invites(ctx.team.id, ctx.person.id)
        return [Reply(ctx.t("invite-revoked-count", count=count))]
    if payload.isdigit():
        return await _person_button(ctx, action, int(payload))
    return [expired(ctx)]


async def _person_button(ctx: Context, action: str, target: int) -> list[Reply]:
    if action == "project":
        try:
            project = await ctx.tx.projects.get(target, ctx.person.id)
        except (AccessDenied, NotFound):
            return [expired(ctx)]
        await ctx.tx.people.set_active_project(ctx.person.id, project.id)
        await ctx.tx.conversations.pause_all(ctx.person.id)
        ctx.project = project
        ctx.team = await ctx.tx.teams.get(project.team_id, ctx.person.id)
        return [
            Reply(
                ctx.t("project-switched", project=project.name, team=ctx.team.name),
                choices=tool_buttons(ctx),
            )
        ]
    if action == "leave_yes":
        try:
            await ctx.tx.teams.leave(target, ctx.person.id)
        except AccessDenied:
            return [Reply(ctx.t("leave-hand-over-first"))]
        await ctx.tx.conversations.pause_all(ctx.person.id)
        return [Reply(ctx.t("leave-done"))]
    if ctx.team is None:
        return [expired(ctx)]
    if action == "remove":
        await ctx.tx.teams.remove(ctx.team.id, ctx.person.id, target)
        return [Reply(ctx.t("member-removed"))]
    if action == "handover":
        await ctx.tx.teams.hand_over(ctx.team.id, ctx.person.id, target)
        return [Reply(ctx.t("handover-done"))]
    return [expired(ctx)]


# ---------------------------------------------------------------------------------------------
# editing saved answers


def field_label(ctx: Context, step: Step) -> str:
    """A short name for a step's field: the message's `.label`, else its prompt."""
    message = ctx.translator.bundles[ctx.lang].get_message(step.text)
    if "label" in message.attributes:
        return str(ctx.translator.attribute(ctx.lang, step.text, "label").striptags())
    return ctx.plain(step.text)[:40]


def show_value(ctx: Context, step: Step, value: Any) -> str:
    """A stored answer as a person reads it."""
    if value in (None, "", []):
        return "—"
    labels = {o.value: o.label for o in step.options}
    if isinstance(value, list):
        return ", ".join(ctx.plain(labels[v]) if v in labels else str(v) for v in value)
    if isinstance(value, str) and value in labels:
        return ctx.plain(labels[value])
    if step.kind == Kind.DATE and isinstance(value, str):
        try:
            return format_date(date.fromisoformat(value), ctx.lang)
        except ValueError:
            return value
    return str(value)


def _edit_steps(flow: Flow, engine: Engine, data: dict[str, Any] | None = None) -> list[Step]:
    """The fields of an item one can edit; with its data, only the questions that apply."""
    from flows.engine import NAME_STEP

    repeat = next((p for p in flow.steps if not isinstance(p, Step)), None)
    steps = [NAME_STEP, *repeat.steps] if repeat is not None else []
    if data is None:
        return steps
    conditions = engine.registry.conditions
    return [s for s in steps if s.when is None or conditions[s.when](data)]


async def edit_start(ctx: Context, flow: Flow | None, engine: Engine) -> list[Reply]:
    """Open the editor of saved answers for a tool."""
    if ctx.project is None:
        return [no_project(ctx)]
    if flow is None:
        latest = await ctx.tx.conversations.latest(ctx.person.id, ctx.project.id)
        candidates = [f for f in ctx.registry.flows.values() if f.tool and _edit_steps(f, engine)]
        flow = next((f for f in candidates if latest and f.id == latest.flow_id), None)
        if flow is None:
            # Otherwise the first tool that has something to edit, not merely the first tool.
            for candidate in candidates:
                if await ctx.tx.items.count(ctx.project.id, candidate.tool):
                    flow = candidate
                    break
    if flow is None or not _edit_steps(flow, engine):
        return [Reply(ctx.t("edit-nothing"))]
    if not await ctx.tx.items.count(ctx.project.id, flow.tool):
        return [Reply(ctx.t("edit-nothing"))]
    conv = await ctx.tx.conversations.start(
        ctx.person.id, ctx.project.id, flow.id, "_pick_item", replace=False
    )
    conv.cursor["mode"] = "edit"
    await ctx.tx.conversations.save(conv)
    return [await edit_prompt(ctx, conv, flow, engine)]


def _nav(ctx: Context, conv: Conversation) -> list[Choice]:
    from flows.engine import step_button

    return [Choice(ctx.plain("button-edit-done"), step_button(conv, "finish"))]


async def edit_prompt(ctx: Context, conv: Conversation, flow: Flow, engine: Engine) -> Reply:
    """The editor's current screen."""
    from flows.engine import step_button

    assert ctx.project is not None
    if conv.step == "_pick_item":
        items = await ctx.tx.items.list(ctx.project.id, flow.tool, ctx.person.id)
        lines = [str(ctx.t("edit-pick-item", flow=ctx.plain(flow.title)))]
        rows = []
        for number, entry in enumerate(items, 1):
            name = str(entry.data.get("name", "?"))
            lines.append(f"{number}. {Markup.escape(name)}")
            if number <= 30:
                rows.append(
                    [Choice(f"{number}. {name}"[:60], step_button(conv, "pick", str(entry.id)))]
                )
        return Reply("\n".join(lines), choices=[*rows, _nav(ctx, conv)])
    item = await ctx.tx.items.find(int(conv.cursor.get("edit_item", 0)), ctx.person.id)
    if item is None:
        conv.step = "_pick_item"
        conv.cursor.pop("edit_item", None)
        await ctx.tx.conversations.save(conv)
        return Reply(ctx.t("item-gone"))
    if conv.step == "_confirm_delete":
        return Reply(
            ctx.t("edit-delete-confirm", name=item.data.get("name", "")),
            choices=[
                [
                    Choice(ctx.plain("button-delete-yes"), step_button(conv, "delete_yes")),
                    Choice(ctx.plain("button-no"), step_button(conv, "back")),
                ]
            ],
        )
    lines = [
        str(
            ctx.t(
                "edit-item-title",
                name=item.data.get("name", ""),
                who=item.updated_by_name,
                when=format_date(item.updated_at.date(), ctx.lang),
            )
        )
    ]
    rows = []
    for number, step in enumerate(_edit_steps(flow, engine, item.data), 1):
        label = field_label(ctx, step)
        shown = show_value(ctx, step, item.data.get(step.target))
        lines.append(f"{number}. {Markup.escape(label)}: {Markup.escape(shown)}")
        rows.append([Choice(f"{number}. {label}"[:60], step_button(conv, "field", step.id))])
    rows.append(
        [
            Choice(ctx.plain("button-delete"), step_button(conv, "delete")),
            Choice(ctx.plain("button-back"), step_button(conv, "back")),
        ]
    )
    rows.append(_nav(ctx, conv))
    lines.append(str(ctx.t("edit-pick-field")))
    return Reply("\n".join(lines), choices=rows)


async def edit_action(
    ctx: Context, conv: Conversation, flow: Flow, action: str, payload: str, engine: Engine
) -> list[Reply]:
    """A button in the editor."""
    if action in ("finish", "done"):
        return await edit_finish(ctx, conv, flow, engine)
    if action == "pick" and payload.isdigit():
        if await ctx.tx.items.find(int(payload), ctx.person.id) is None:
            return [Reply(ctx.t("item-gone"))]
        conv.cursor["edit_item"] = int(payload)
        conv.step = "_pick_field"
    elif action == "field" and payload in {s.id for s in _edit_steps(flow, engine)}:
        conv.step = payload
    elif action == "delete" and conv.step == "_pick_field":
        conv.step = "_confirm_delete"
    elif action == "delete_yes" and conv.step == "_confirm_delete":
        item = await ctx.tx.items.delete(int(conv.cursor["edit_item"]), ctx.person.id)
        conv.cursor.pop("edit_item", None)
        conv.step = "_pick_item"
        await ctx.tx.conversations.save(conv)
        if not await ctx.tx.items.count(item.project_id, flow.tool):
            return [
                Reply(ctx.t("edit-deleted", name=item.data.get("name", ""))),
                *await edit_finish(ctx, conv, flow, engine),
            ]
        return [
            Reply(ctx.t("edit-deleted", name=item.data.get("name", ""))),
            await edit_prompt(ctx, conv, flow, engine),
        ]
    elif action == "back":
        return await edit_back(ctx, conv, flow, engine)
    elif action in ("hint", "example"):
        return [Reply(ctx.t("hint-none"))]
    else:
        return [expired(ctx)]
    await ctx.tx.conversations.save(conv)
    return [await engine.prompt(ctx, conv, flow)]


async def edit_answer(
    ctx: Context, conv: Conversation, flow: Flow, text: str, engine: Engine
) -> list[Reply]:
    """Typed text in the editor: a number or a name picks an entry."""
    assert ctx.project is not None
    wanted = fold(text)
    if conv.step == "_pick_item":
        items = await ctx.tx.items.list(ctx.project.id, flow.tool, ctx.person.id)
        match = None
        if wanted.isdigit() and 1 <= int(wanted) <= len(items):
            match = items[int(wanted) - 1]
        else:
            match = next((i for i in items if fold(str(i.data.get("name", ""))) == wanted), None)
        if match is None:
            return [Reply(ctx.t("input-not-offered")), await edit_prompt(ctx, conv, flow, engine)]
        return await edit_action(ctx, conv, flow, "pick", str(match.id), engine)
    if conv.step == "_pick_field":
        item = await ctx.tx.items.find(int(conv.cursor.get("edit_item", 0)), ctx.person.id)
        steps = _edit_steps(flow, engine, item.data if item else None)
        if wanted.isdigit() and 1 <= int(wanted) <= len(steps):
            return await edit_action(ctx, conv, flow, "field", steps[int(wanted) - 1].id, engine)
        return [Reply(ctx.t("input-not-offered")), await edit_prompt(ctx, conv, flow, engine)]
    if conv.step == "_confirm_delete" and wanted in ("ja", "yes", "j", "y"):
        return await edit_action(ctx, conv, flow, "delete_yes", "", engine)
    return await edit_back(ctx, conv, flow, engine)


async def edit_back(ctx: Context, conv: Conversation, flow: Flow, engine: Engine) -> list[Reply]:
    """One screen back in the editor."""
    if conv.step == "_pick_item":
        return await edit_finish(ctx, conv, flow, engine)
    conv.step = "_pick_item" if conv.step == "_pick_field" else "_pick_field"
    if conv.step == "_pick_item":
        conv.cursor.pop("edit_item", None)
    await ctx.tx.conversations.save(conv)
    return [await engine.prompt(ctx, conv, flow)]


async def edit_saved(ctx: Context, conv: Conversation, flow: Flow, engine: Engine) -> list[Reply]:
    """After an edited answer is stored: confirm and return to the item."""
    item = await ctx.tx.items.find(int(conv.cursor.get("edit_item", 0)), ctx.person.id)
    notes = [str(ctx.t("edit-saved"))]
    if item is not None and flow.item_feedback:
        notes.append(ctx.registry.feedback[flow.item_feedback](item, ctx))
    notes.extend(ctx.notes)
    ctx.notes.clear()
    conv.step = "_pick_field"
    await ctx.tx.conversations.save(conv)
    return [Reply("\n\n".join(notes)), await engine.prompt(ctx, conv, flow)]


async def edit_finish(ctx: Context, conv: Conversation, flow: Flow, engine: Engine) -> list[Reply]:
    """Leave the editor; a walk through the flow that it interrupted carries on."""
    conv.status = ConversationStatus.DONE
    conv.step = "_done"
    await ctx.tx.conversations.save(conv)
    done = Reply(ctx.t("edit-finished"), choices=after_flow_menu(ctx, flow))
    walk = await ctx.tx.conversations.paused(ctx.person.id, flow.id, conv.project_id)
    if walk is None:
        return [done]
    done.choices = []
    walk.status = ConversationStatus.ACTIVE
    await ctx.tx.conversations.save(walk)
    return [done, await engine.prompt(ctx, walk, flow, again=True)]


async def name_clash(ctx: Context, flow: Flow, item: Item, name: str) -> Reply | None:
    """A rename that would duplicate another entry's name."""
    others = await ctx.tx.items.list(item.project_id, flow.tool, ctx.person.id)
    if any(o.id != item.id and fold(str(o.data.get("name", ""))) == fold(name) for o in others):
        return Reply(ctx.t("list-known", count=1, names=name))
    return None


def is_private(ctx: Context) -> bool:
    """Whether the event came from a private chat."""
    return ctx.event.chat_kind == ChatKind.PRIVATE
