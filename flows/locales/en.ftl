## General

error-not-allowed = You can't do that: it belongs to a team you are not (or no longer) a member of, or it needs the coordinator role.
error-unexpected = Oops, something went wrong on my side. Your answers so far are saved. Please try again in a moment.
ok = OK.
button-expired = This button has expired. Use the buttons under my latest message, or type /help.
fallback = I didn't quite get that. Pick a tool below, or type /help to see everything I can do.
unknown-command = I don't know the command /{ $command }. Type /help to see what I can do.
welcome = Hi { $name }, welcome to <b>Kringkoers</b>! I coach your team through the Vlaanderen Circulair and VVSG method for making your municipality circular: from stakeholder map to test card, in short chats on your phone.
no-project = You're not in a team yet. Create one, or open the invite link your coordinator sent you.
help-intro = <b>Kringkoers</b> guides your team step by step through the circular strategy and the circular pilot project.
help-project = You're working on <b>{ $project }</b> of team <b>{ $team }</b>.
help-words = During a question you can always type: <i>back</i>, <i>skip</i> (when a question is optional), <i>tip</i> (an explanation and an example) or <i>stop</i> (pause; your answers stay saved).
cmd-help = What can Kringkoers do?
cmd-summary = Summary of your project
cmd-edit = Change a saved answer
cmd-team = Your team: members, invite, leave
cmd-invite = Invite colleagues (coordinator)
cmd-projects = Switch project
cmd-language = Kies taal / choose language
cmd-stop = Pause the current conversation

## Walking a flow

flow-start = Let's start with the <b>{ $flow }</b>.
flow-done = The <b>{ $flow }</b> is updated. Thank you! Here is the summary.
progress = <i>{ $flow } · step { $step } of { $total }</i>
progress-item = <b>{ $name }</b> ({ $number } of { $count })
progress-edit = <i>Editing: { $name }</i>
you-are-here = This is where you left off:
resume-offer = You were at step { $step } of { $total } of your { $flow } — continue?
button-resume = Continue
button-restart = Start over
stop-nothing = There's no conversation running to stop.
stop-done = The { $flow } is paused. Everything you answered is saved. Type /{ $command } to continue.
back-at-start = You're already at the first question.
skip-not-allowed = This question can't be skipped.
done-not-here = "Done" doesn't fit here: please answer the question first.
hint-label = 💡
example-label = <b>Example:</b>
hint-none = I have no extra tip for this question.
button-back = ⬅ Back
button-done = ✅ Done
button-skip = Skip
button-hint = 💡 Tip
button-stop = ⏸ Stop
list-count = The list now has { $count ->
    [one] 1 item
   *[other] { $count } items
}.
list-added = ✔ { $count } added: { $names }
list-known = Already on the list: { $names }
list-more = Anything else? Send it, one per line, or tap <b>Done</b>.
list-empty = The list is still empty. Add at least one item first.
multi-chosen = Chosen: { $chosen }
multi-none = Pick at least one option, then tap Done.
item-gone = A teammate deleted this item meanwhile; let's go on with the next one.
item-done-by-other = { $who } has meanwhile filled in { $name }; let's skip it.
overlap = Note: { $name } just answered this too, as “{ $old }”. Your answer “{ $new }” is now saved; the earlier one stays in the history.
picture-caption = { $flow }
announce-updated = 📣 { $name } updated the <b>{ $flow }</b> of { $project }: now { $count ->
    [one] 1 item
   *[other] { $count } items
}. Type /summary for the whole picture.
summary-empty = Nothing has been filled in for this project yet. Pick a tool to start.

## Input problems

input-empty = I received an empty answer. Please type your answer as text.
input-not-text = I can only read text, not photos, stickers or voice messages. Please type your answer, or tap a button.
input-too-long = That's too long ({ $length } characters). Please keep it under { $max } characters.
input-empty-list = I found no items. Put one per line.
input-line-too-long = { $count ->
    [one] One line is
   *[other] { $count } lines are
} longer than { $max } characters. Please shorten them.
input-too-many = At most { $max } items per message, please.
input-not-offered = That's not one of the options. Tap a button or type its number.
input-not-a-number = That's not a number. Type for example 12 or 12.5.
input-too-small = That's too small: at least { $min }.
input-too-large = That's too large: at most { $max }.
input-scale = Pick a whole number from { $min } to { $max }.
input-not-a-date = I don't understand that date. Try for example “15/3”, “end of June” or “next Friday”.
input-date-past = That date ({ $date }) is in the past. Please give a date from today on.

## Teams and projects

button-new-team = ➕ New team
button-team = 👥 Team
button-members = Members
button-projects = Projects
button-invite = ✉ Invite
button-revoke = Revoke invites
button-leave = Leave team
button-leave-yes = Yes, leave the team
button-no = No
button-new-project = ➕ New project
button-remove = Remove { $name }
button-handover = Make { $name } coordinator
button-open-private = Open the private chat
button-add-more = ➕ Add more
button-edit = ✏ Edit
button-summary = 📋 Summary
role-coordinator = coordinator
role-member = member
team-none = You're not in any team yet.
team-list-title = <b>Your teams</b>
team-line = • { $team } ({ $role })
members-title = <b>Team { $team }</b> — { $count } { $count ->
    [one] member
   *[other] members
}
member-line = • { $name } ({ $role })
invite-created = Send this invitation to your colleagues for team <b>{ $team }</b>:
    { $link }
    It is valid until { $until }. You can revoke it via /team.
invite-only-coordinator = Only the team's coordinator can invite.
invite-unknown = I don't know this invitation. Ask your coordinator for a new link.
invite-expired = This invitation has expired. Ask your coordinator for a new link.
invite-revoked = This invitation was revoked. Ask your coordinator for a new link.
invite-revoked-count = { $count ->
    [one] 1 invitation revoked.
   *[other] { $count } invitations revoked.
}
invite-joined = Welcome to team <b>{ $team }</b>! Pick where you want to help below.
invite-already = You're already in team <b>{ $team }</b>.
leave-confirm = Do you really want to leave team <b>{ $team }</b>? What you filled in stays with the team.
leave-done = You have left the team.
leave-hand-over-first = You're the only coordinator. First make someone else coordinator via /team → Members.
member-removed = The member was removed from the team.
handover-done = The coordinator role was handed over. You are now a member.
projects-title = Which project do you want to work on?
project-switched = You're now working on <b>{ $project }</b> of team <b>{ $team }</b>.
language-choose = Welke taal verkies je? / Which language do you prefer?
language-set = I'll speak English with you from now on.
link-only-coordinator = Only the coordinator can link this group to the team.
link-done = This group is now linked to team <b>{ $team }</b>. I'll post summaries and announcements here.
link-in-group = Type /link in your team's group chat to link it to the team.
group-welcome = Hello everyone, I am <b>Kringkoers</b>! A coordinator links this group to your team with /link; after that I post summaries and announcements here. The questions themselves you answer in a private chat with me.
group-not-linked = This group isn't linked to a team yet. The coordinator can do that with /link.
group-go-private = Let's do that in a private chat so the group doesn't fill up. Tap the button.
setup-team-title = set-up of your team
setup-team-name = What's your team called? For example the name of your municipality or city.
    .label = Team name
    .example = Circular Mechelen
setup-project-title = set-up of a new project
setup-project-name = What's the project called?
    .label = Project name
    .hint = A strategy for the whole municipality, or one pilot project: give it a name everyone recognises.
    .example = Circular strategy 2030
setup-track = Which track does this project follow?
    .label = Track
    .hint = The circular strategy has 3 phases: stakeholders, vision and opportunities → goals and actions → anchoring and monitoring. The pilot project has 4 steps: understand the users → test the offer → scale → improve the operation.
track-strategy = Circular strategy
track-pilot = Circular pilot project
setup-team-done = Team <b>{ $team }</b> is created, with the project <b>{ $project }</b>. You are its coordinator. Invite your colleagues, or start right away.
setup-project-done = Project <b>{ $project }</b> was added to team <b>{ $team }</b>, and you're working on it now.

## Editing

edit-nothing = There's nothing to edit yet.
edit-pick-item = What do you want to change in the { $flow }? Tap or type the number.
edit-item-title = <b>{ $name }</b> — last changed by { $who } on { $when }
edit-pick-field = Which field do you want to change?
edit-name = What's the new name?
    .label = Name
edit-saved = ✔ Saved.
edit-delete-confirm = Delete <b>{ $name }</b>? It stays in the history.
button-delete = 🗑 Delete
button-delete-yes = Yes, delete
button-edit-done = Done editing
edit-deleted = { $name } was deleted.
edit-finished = Done editing.

## Stakeholder mapping (Tools 1 and 2)

sh-title = stakeholder map
sh-description = Stakeholder map: who must be on board?
sh-longlist = Who can influence your project, or is influenced by it? Send your stakeholders in one message, <b>one per line</b>: internal departments and aldermen, and external partners. Tap a suggestion to add it, and <b>Done</b> when your list is complete.
    .label = Name
    .hint = Think broadly: citizens and citizen platforms, companies, start-ups, knowledge institutions and NGOs, investors, social-circular hubs. The waste intermunicipal, the Kringwinkel and the CE coordinators of neighbouring municipalities are often key allies. Don't forget internal departments and the aldermen in charge.
    .example = Kringwinkel Regio Gent
sh-side = Is this an internal or an external stakeholder?
    .label = Internal or external
sh-internal = Internal
sh-external = External
sh-power = How much <b>power</b> does this stakeholder have: authority and decision power on the topic?
    .label = Power
    .hint = High: can decide or block (e.g. the board of aldermen). Low: little influence on decisions.
sh-interest = How great is their <b>interest</b>: how concerned are they with the topic?
    .label = Interest
    .hint = High: strongly affected or keen to take part. Low: doesn't lose sleep over it.
sh-involvement = How do you want to involve this stakeholder?
    .label = Involvement
    .hint = Inform: keep them up to date. Consult: ask their opinion. Co-produce: decide and deliver together.
sh-inform = Inform
sh-consult = Consult
sh-coproduce = Co-produce
sh-note = Any note on this stakeholder? (contact person, existing forum, …)
    .label = Note
    .example = Already sits on the climate table of the Local Energy and Climate Pact.
sh-unrated = { $name } has no power and interest yet.
sh-feedback = <b>{ $name }</b> → <b>{ $strategy }</b>: { $advice }
sh-grid-title = Stakeholder map — { $project }
sh-power-axis = Power
sh-interest-axis = Interest
sh-grid-empty = No stakeholders yet
sh-grid-more = more
sh-summary-title = <b>Stakeholder map — { $project }</b>
sh-summary-counts = { $total } stakeholders: { $internal } internal, { $external } external.
sh-summary-unrated = Still to be assessed
sh-summary-by = added by { $name }
sh-summary-tip = Tip from the guide: spend your limited time first on those you really need on board.
level-low = low
level-medium = medium
level-high = high
sh-suggest-citizens = Citizens and citizen platforms
sh-suggest-companies = Local companies
sh-suggest-startups = Start-ups
sh-suggest-knowledge = Knowledge institutions and NGOs
sh-suggest-investors = Investors
sh-suggest-hubs = Social-circular hub
sh-suggest-waste = Waste intermunicipal
sh-suggest-kringwinkel = Kringwinkel
sh-suggest-neighbours = CE coordinators of neighbouring municipalities
sh-suggest-aldermen = Aldermen in charge
sh-suggest-departments = Internal departments (environment, economy, …)
strategy-observe = Observe
strategy-observe-advice = keep them in the loop and satisfied, even though they show little interest. Handle with care: they can use their power against the project.
strategy-keep_satisfied = Keep satisfied
strategy-keep_satisfied-advice = not directly involved, but they can exert a lot of influence. Make sure they stay satisfied.
strategy-manage_closely = Manage actively and continuously
strategy-manage_closely-advice = key players who invest heavily. Involve them continuously and actively: you really need them on board.
strategy-keep_involved = Keep involved
strategy-keep_involved-advice = keep them involved and ask for their input regularly.
strategy-keep_informed = Keep informed
strategy-keep_informed-advice = give them balanced, objective information.
strategy-no_focus = No focus
strategy-no_focus-advice = lowest priority: stay in touch, but spend little time on them.

## domains

dom-title = action domains
dom-description = Action domains: where will you focus?
dom-list = Which <b>action domains</b> will your team work on? Tap the guide's domains, or type your own, one per line. Tap <b>Done</b> when your list is complete.
    .label = Domain
    .hint = The guide distinguishes five action domains. Choose those where your municipality can make a difference and where stakeholders support you: a domain without support drops down the list.
    .example = Built environment
dom-subdomains = Which sub-domains do you include? Tap them, then tap <b>Done</b>.
    .label = Sub-domains
dom-own-focus = What exactly do you want to tackle in this domain of your own?
    .label = Focus
    .example = Circular events in the town centre
dom-bio = Bio-economy and food
dom-built = Built environment
dom-consumer = Consumer goods and waste
dom-industry = Industry and local economy
dom-other = Other domains
dom-bio-biowaste = Valorising bio-waste
dom-bio-catering = Waste-free catering and events
dom-bio-shortchain = Short chain and urban farming
dom-bio-green = Green management
dom-bio-agriculture = Sustainable agriculture
dom-bio-foodwaste = Preventing food waste
dom-built-building = Circular, change-oriented building
dom-built-adaptive = Climate-adaptive, nature-based building
dom-built-materials = Reuse of materials
dom-built-spaces = Shared use of spaces
dom-built-infrastructure = Public infrastructure
dom-built-brownfields = Urban development and brownfields
dom-consumer-repair = Repair and use
dom-consumer-sharing = Sharing systems
dom-consumer-makers = Makers and crafts
dom-consumer-collection = Collection and high-grade valorisation of waste streams
dom-consumer-cleanliness = Public cleanliness
dom-industry-cooperation = Cooperation between regular and social-economy companies
dom-industry-parks = Circular business parks
dom-industry-symbiosis = Industrial symbiosis
dom-other-water = Unpaving, storing and reusing water
dom-other-care = Circular healthcare
dom-other-mobility = Shared mobility
dom-other-heat = Heat networks
dom-summary-title = <b>Action domains — { $project }</b>
dom-summary-by = chosen by { $name }
dom-summary-tip = Next step: write a SMART goal for each domain with /goal.

## goal

goal-title = SMART goals
goal-description = SMART goals per action domain
goal-domain = For which <b>action domain</b> are you writing a goal? Tap one of your team's domains, or type one.
    .label = Domain
goal-statement = Write your <b>goal</b> in one sentence. Then we'll check together whether it is SMART: Specific, Measurable, Acceptable, Realistic and Time-bound.
    .label = Goal
    .hint = Say what changes, for whom or where, how much, who carries it, with which means, and by when.
    .example = From 2025 the municipality itself applies circular principles in all its new building projects.
goal-ask-specific = Your goal is still rather general. <b>What</b> exactly changes, and <b>for whom or where</b>?
    .label = Specific
    .example = in all of the municipality's new building projects
goal-ask-measurable = How will you know you're there? Give a <b>number, percentage or indicator</b>.
    .label = Measurable
    .example = 30% less residual waste
goal-ask-acceptable = <b>Who carries</b> this goal? Tap a stakeholder from your map, or type who will drive it.
    .label = Acceptable
    .example = the technical department, together with the Kringwinkel
goal-ask-realistic = With which <b>means</b> will you achieve this: people, budget, an existing programme?
    .label = Realistic
    .example = with a budget of 20,000 euro and a half-time project officer
goal-ask-time_bound = <b>By when</b> do you want to have achieved this?
    .label = Time-bound
    .example = by the end of 2027
goal-reason = Your goal still misses a SMART element. You may save it like this anyway: write briefly <b>why</b>. Or tap <b>Back</b> to complete it.
    .label = Reason
    .example = The budget will only be decided in the autumn.
goal-time-unclear = I don't recognise a moment in that. Write for example "by 2030", "from 2025", "end of June" or "within two years".
goal-element-specific = S
goal-element-measurable = M
goal-element-acceptable = A
goal-element-realistic = R
goal-element-time_bound = T
goal-rewrite-carried = carried by { $who }
goal-rewrite-means = with { $means }
goal-saved = ✔ Goal saved for <b>{ $domain }</b>:
    <i>{ $statement }</i>
goal-marked = ⚠ This goal is not fully SMART yet and is marked as such. Reason: { $reason }
goal-proposal = With your answers the goal could read:
    <i>{ $proposal }</i>
    Shall I rewrite it like that?
goal-button-rewrite = ✍ Yes, rewrite
goal-button-keep = No, keep my sentence
goal-button-another = ➕ Another goal
goal-button-edit = ✏ Reformulate goal
goal-edit = Reformulate your goal. It now reads: <i>{ $statement }</i>
goal-button-actions = 💡 Think up actions for this goal
goal-kept = OK, the goal stays: <i>{ $statement }</i>
goal-rewritten = ✍ Rewritten: <i>{ $statement }</i>
goal-rewrite-gone = That proposal was already handled. The goal now reads: <i>{ $statement }</i>
goal-summary-title = <b>SMART goals — { $project }</b>
goal-summary-marked = ⚠ not fully SMART ({ $reason })
goal-summary-by = by { $name }

## ideas

ideas-title = action lines and actions
ideas-description = From goal to action lines and actions
ideas-goal = For which <b>goal</b> are you thinking up actions? Tap a goal.
    .label = Goal
ideas-line = Goal: <i>{ $goal }</i>
    Which <b>action line</b> are you working out: what is needed, in broad terms, to reach this goal? { $count ->
        [0] Type a first action line.
       *[other] Tap one of your team's action lines, or type a new one.
    }
    .label = Action line
    .hint = An action line says in broad terms what is needed; the actions make it concrete.
    .example = Embedding circular principles in drawing up tenders and their award criteria
ideas-ideas = How might we make this happen: <b>{ $line }</b>?
    Write your ideas for <b>concrete actions</b>, one per line. Feel free to build on what your team already came up with. { $count ->
        [0] {""}
       *[other] {"\u000a"}Already thought of by your team:
    { $others }
    }
    .label = Ideas
    .hint = Brainwriting: everyone first writes on their own, then builds on the ideas of the others. Also think of actions together with neighbouring municipalities.
    .example = Providing training in circular procurement
ideas-no-goals = Your team has no goals yet. First write a SMART goal with /goal.
ideas-goal-unknown = I don't know that goal. Tap one of your team's goals.
ideas-goal-gone = That goal was deleted meanwhile, so I couldn't save your ideas. Here they are, to copy: { $ideas }
ideas-too-long = One idea is longer than 200 characters. Make it a shorter sentence, or spread it over more lines.
ideas-too-many = That's more than 50 ideas at once. Send them in a few messages.
ideas-button-more = 💡 More ideas for this goal
ideas-summary-title = <b>Action plan — { $project }</b>

## impact

impact-title = impact/effort matrix
impact-description = Score the actions' impact and effort
impact-no-actions = There are no actions to score yet. First think up actions with /actions.
impact-ask-impact = <i>Action { $number } of { $total }</i> · goal: <i>{ $goal }</i>
    <b>{ $name }</b>
    How much <b>impact</b> does this action have: how much does it contribute to your goals and to the local circular transition? 1 = little, 5 = a lot.
impact-ask-effort = <i>Action { $number } of { $total }</i> · goal: <i>{ $goal }</i>
    <b>{ $name }</b>
    How much <b>effort</b> does it take: time, money, energy and risk? 1 = little, 5 = a lot.
impact-button-matrix = 📊 Show the matrix
impact-all-scored = ✔ You have scored all actions. Thank you! This is where they stand, with the whole team's scores combined:
impact-nothing-scored = Nobody has scored any actions yet. Start with /impact.
impact-summary-title = <b>Impact and effort — { $project }</b>
impact-quadrant-quick_win = <b>Quick wins</b> (high impact, low effort): { $count }
impact-quadrant-big_bet = <b>Big bets</b> (high impact, high effort): { $count }
impact-quadrant-fill_in = <b>Fill-ins</b> (low impact, low effort): { $count }
impact-quadrant-time_sink = <b>Time sinks</b> (low impact, high effort): { $count }
impact-mix-no-big = 💡 Your plan has { $small } small improvements but no large project yet. The guide recommends a mix: a few large, longer projects with high impact, and many small improvements.
impact-mix-too-big = 💡 Your plan has { $big } large projects and { $small } small improvements. The guide recommends a few large projects next to many small improvements: those bring quick results and energy.
impact-mix-good = 👍 A good mix: { $big } large projects and { $small } small improvements, as the guide recommends.
impact-unscored = Not scored yet: { $names }
impact-again-tip = Want to change your scores? Type <i>/impact again</i>.
impact-chart-title = Impact and effort — { $project }
impact-axis = Impact
effort-axis = Effort (time, money, energy, risk)
impact-name-quick_win = Quick wins
impact-name-big_bet = Big bets
impact-name-fill_in = Fill-ins
impact-name-time_sink = Time sinks

## sheet

sheet-title = action sheet
sheet-menu = Action sheet: work out an action with a lead and milestones
sheet-q-action = Which <b>action</b> are you working out in an action sheet? Tap an action.
    .label = Action
sheet-q-description = <b>Description</b>: what does the action involve?
    .label = Description
    .example = A training in circular procurement for the purchasing and technical departments.
sheet-q-results = Which <b>results</b> do you intend?
    .label = Intended results
    .example = All tenders for new buildings contain circular award criteria.
sheet-q-milestones = What are the key <b>milestones</b>? One per line, each as <i>what — when</i>.
    .label = Milestones
    .hint = I store the dates as deadlines, so I can remind the lead in time.
    .example = Training given — end of June 2027
sheet-q-parties = Which <b>parties</b> do you involve, and what is the <b>role</b> of each? One per line: <i>party — role</i>. { $count ->
        [0] Your stakeholder map is still empty; new parties are fine.
       *[other] On your stakeholder map: { $stakeholders }. New parties are fine too.
    }
    .label = Parties and roles
    .example = Kringwinkel — supplies reusable materials
sheet-q-resources = Which <b>resources</b> are needed: people and money?
    .label = Resources
    .example = 0.2 FTE and 5,000 euro for the training
sheet-q-timeline = What is the overall <b>timeline</b>?
    .label = Timeline
    .example = January 2027 to December 2027
sheet-q-preconditions = Which <b>preconditions</b> are there: technical, legal, spatial, organisational?
    .label = Preconditions
sheet-q-risks = Which <b>risks</b> do you see, and how will you handle them? One per line: <i>risk — handling</i>.
    .label = Risks
    .example = Too few participants — organise it together with neighbouring municipalities
sheet-q-first-steps = What are the <b>first meaningful steps</b>?
    .label = First steps
    .example = Compare training offers and pick a date
sheet-q-owner = Who is the <b>lead</b> (trekker) of this action? Tap a team member, or type a name.
    .label = Lead
sheet-action-unknown = I don't know that action. Tap one of your team's actions, or first think up actions with /actions.
sheet-action-gone = That action was deleted meanwhile, so the sheet was not saved.
sheet-milestone-no-date = I can't find a date in at least one milestone. Write each milestone as <i>what — when</i>, for example "Training given — end of June 2027".
sheet-lines-too-long = A line is longer than 300 characters, or there are more than 50. Please make it a bit shorter.
sheet-heading = Action sheet: { $name }
sheet-goal = Goal: { $goal } · action line: { $line }
sheet-label-owner = Lead:
sheet-label-status = Status:
sheet-label-description = Description:
sheet-label-results = Intended results:
sheet-label-milestones = Milestones:
sheet-label-parties = Parties and roles:
sheet-label-resources = Resources:
sheet-label-timeline = Timeline:
sheet-label-preconditions = Preconditions:
sheet-label-risks = Risks and handling:
sheet-label-first-steps = First steps:
sheet-party-new = new, not on the stakeholder map
sheet-updated-by = last updated by { $name }
sheet-button-table = 📋 Action table
sheet-button-another = 📝 Another action sheet
sheet-summary-title = <b>Action sheets — { $project }</b>
sheet-summary-none = No action sheets yet. Start one with /actionsheet.
status-idea = idea
status-planned = planned
status-running = running
status-done = done
status-stopped = stopped

## table

table-description = Action table: all actions with lead, status and deadline
table-empty = There are no actions yet. First think up actions with /actions.
table-title = <b>Action table — { $project }</b>
table-owner = lead: { $owner }
table-priority-high = high priority
table-priority-medium = medium priority
table-priority-low = low priority
table-priority-none = not scored yet
table-due = next deadline { $date }
table-tip = Tap ✏ and an action's number to change its status.
table-pick = What is the status of <b>{ $name }</b> now?
table-button-sheet = 📝 Action sheet
table-status-set = ✔ <b>{ $name }</b> is now <b>{ $status }</b>.

## dots

dots-description = Dot voting on the actions
dots-no-round = There is no voting round right now. The coordinator starts one with /vote.
dots-how-many = Dot voting: how many <b>dots</b> does each team member get to spread over the actions?
dots-too-few = Voting needs at least two actions that are not running or done yet. Think up actions with /actions.
dots-round-name = Voting round
dots-started = 🗳 The voting round is open: each team member has { $dots } { $dots ->
        [one] dot
       *[other] dots
    }. { $left ->
        [0] {""}
       *[other] The { $left } lowest scored actions are left out: a poll holds at most ten choices.
    }
dots-ballot = 🗳 You have <b>{ $dots } { $dots ->
        [one] dot
       *[other] dots
    }</b>: choose the actions you think deserve priority (feasible, high impact, lots of energy to carry them).
    { $options }
    Chosen now: { $chosen }.
dots-question = Which actions get priority? Choose at most { $dots }.
dots-menu = See the standings or close the round:
dots-group = 🗳 { $name } opened a voting round. Vote below: each team member has { $dots } { $dots ->
        [one] dot
       *[other] dots
    }.
dots-closed = This voting round is already closed.
dots-too-many = You chose { $chosen } actions, but you have { $dots } { $dots ->
        [one] dot
       *[other] dots
    }. Your vote doesn't count yet: please change it.
dots-counted = ✔ Your dots are counted: { $names }
dots-retracted = Your vote was taken back.
dots-results = <b>Standings</b> ({ $voters } { $voters ->
        [one] voter
       *[other] voters
    }):
    { $lines }
dots-final = <b>Result of the voting round</b> ({ $voters } { $voters ->
        [one] voter
       *[other] voters
    }):
    { $lines }
    The dots are now shown with the actions in the /actiontable.
dots-button-results = 📊 Standings
dots-button-close = 🔒 Close the voting round
