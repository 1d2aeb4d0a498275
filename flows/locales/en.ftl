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

## reminders
rem-command = Reminders: quiet hours, working days, time zone
rem-before = ⏰ Coming up: <b>{ $label }</b> ({ $tool }, { $project }) is due on { $date }, { $days ->
    [one] 1 day
   *[other] { $days } days
 } to go.
rem-due = 📌 Today: <b>{ $label }</b> ({ $tool }, { $project }) is due today, { $date }. Done? Tap below.
rem-result = 📌 Today: <b>{ $label }</b> ({ $tool }, { $project }). Time to log the result: tap the first button.
rem-escalation = ⚠️ <b>{ $label }</b> ({ $tool }, { $project }) by { $owner } is { $overdue ->
    [one] 1 day
   *[other] { $overdue } days
 } overdue (deadline { $date }). Could you check in with them?
rem-button-done = ✅ Done
rem-button-skip = Skip
rem-button-day = 💤 Tomorrow again
rem-button-week = 💤 In a week
rem-button-result = ✍️ Log the result now
rem-done = ✅ Ticked off. Well done!
rem-skipped = OK, I'll drop this reminder.
rem-snoozed = 💤 I'll remind you again on { $date } at { $time }.
rem-already = This reminder has already been dealt with.
rem-quiet-none = none
rem-settings-mine = <b>Your reminders</b>
    Quiet hours: { $quiet }
    Working days: { $days }
    Reminder time: { $time }
    Time zone: { $zone }
rem-settings-team = <b>Team { $team }</b>
    Early reminder: { $before } working days before the deadline
    To the coordinator after: { $escalation } days overdue
    Weekly digest on: { $digest }
rem-settings-how = To change them, type for example:
    /reminders quiet 21:00-08:00
    /reminders days mon-thu
    /reminders time 9:30
    /reminders timezone Europe/Brussels
    Coordinators: /reminders before 3, /reminders escalation 5, /reminders digest monday (or off)
rem-settings-unknown = I didn't quite get that. These are your settings now:
rem-settings-saved = Saved.
rem-bad-quiet = Give the quiet hours as start and end, for example: /reminders quiet 21:00-08:00 (or: quiet off).
rem-bad-days = Give your working days like this: /reminders days mon-fri or days mon,tue,thu.
rem-bad-time = Give a time like 9:00 or 14:30.
rem-bad-zone = I don't know that time zone. Try for example Europe/Brussels.
rem-bad-before = Give a number of working days from 0 to 30, for example: /reminders before 2.
rem-bad-escalation = Give a number of days from 0 to 30 (0 = never), for example: /reminders escalation 3.
rem-bad-digest = Give a day (monday … sunday) or off, for example: /reminders digest monday.
rem-day-1 = Monday
rem-day-2 = Tuesday
rem-day-3 = Wednesday
rem-day-4 = Thursday
rem-day-5 = Friday
rem-day-6 = Saturday
rem-day-7 = Sunday
digest-title = 🗓️ <b>Weekly digest { $project }</b>
digest-quiet = No deadlines this week. Time to plan a next step?
digest-overdue = Overdue ({ $count })
digest-due = Due this week ({ $count })
digest-done = Done ({ $count })
digest-news = New measurements
digest-more = … and { $count } more (see details)
digest-button-details = Details

## indicators
ind-title = indicators
ind-description = Indicators: measure your progress
ind-type = What kind of indicator do you want to add? (Figure 10 of the guide)
    .hint = <b>Input</b>: what you put in (staff, budget). <b>Output</b>: direct results (participants, questions at the desk). <b>Outcome</b>: effects for those involved (knowledge, partnerships). <b>Impact</b>: change in society (less residual waste).
ind-type-input = Input (resources)
ind-type-output = Output (direct results)
ind-type-outcome = Outcome (effects)
ind-type-impact = Impact (change in society)
ind-example = Pick an example from the guide, or make your own indicator.
ind-ex-staff = Staff (FTE)
ind-ex-investments = Investments
ind-ex-costs = Costs
ind-ex-budget = Budget for the circular economy
ind-ex-participants = Number of participants in local CE initiatives
ind-ex-questions = Number of questions at the circular desk
ind-ex-satisfaction = Satisfaction with the advice
ind-ex-downloads = Number of downloads of the strategy
ind-ex-knowledge = Knowledge level of local stakeholders
ind-ex-partnerships = Number of collaborations and partnerships
ind-ex-pilots = Number of circular pilots and procurement trajectories started
ind-ex-legislation = Legislation adapted
ind-ex-footprint = Decrease of the material footprint
ind-ex-waste = Residual waste per inhabitant
ind-ex-repair = Repair rate of products
ind-ex-network = A lasting local network
ind-ex-own = ✏️ My own indicator
ind-own = Describe your indicator in one sentence.
    .example = Number of visitors of the repair café
ind-unit = In which unit do you measure?
    .example = number, %, kg per inhabitant, euro, FTE
ind-baseline = What is the starting value (baseline)? Type a number, or skip if you don't know it yet.
ind-target = Which target value do you want to reach? Type a number.
    .example = 100
ind-target-date = By when do you want to reach the target?
    .example = end of 2027
ind-instrument = How do you measure it?
ind-instrument-survey = Survey
ind-instrument-interview = Interview
ind-instrument-focus_group = Focus group
ind-instrument-observation = Observation
ind-instrument-expert = Expert analysis
ind-instrument-media = Media analysis
ind-instrument-figures = Keeping and analysing figures
ind-owner = Who reports the values? Type a team member's name, or skip if you do it yourself.
ind-rhythm = How often do you report the value?
ind-rhythm-monthly = Monthly
ind-rhythm-quarterly = Quarterly
ind-rhythm-yearly = Yearly
ind-rhythm-dates = On given dates
ind-dates = On which dates? Separate them with commas.
    .example = 1 March, 1 September, 15 December
ind-dates-bad = I don't understand all of those dates. Separate them with commas, for example: 1 March, 1 September (at most 24).
ind-checkin-title = measurement
ind-checkin-value = Which value did you measure? Type a number.
ind-checkin-note = Do you want to add a short note or a link? Or skip.
ind-saved = ✅ Indicator <b>{ $name }</b> saved. { $owner } will get a message asking for the value; the first measurement is on { $date }.
ind-button-measure = ✍️ Give a value
ind-button-chart = 📈 Chart
ind-button-all = All indicators
ind-status = <b>{ $name }</b>: latest value { $last } { $unit }, target { $target } { $unit } by { $date }.
ind-checkin-intro = Measurement for { $status }
ind-checkin-which = Which indicator is this for? Pick one with /measure.
ind-checkin-saved = 📊 Saved: <b>{ $name }</b> = { $value } { $unit }.
ind-progress = You are { $percent }% of the way to { $target } { $unit } (by { $date }).
ind-next = Next measurement: { $date }.
ind-none = No indicators yet. Add one with /indicators.
ind-pick = Which indicator do you give a value for?
ind-measure-command = Give a measured value
ind-chart-empty = No measurements for { $name } yet: nothing to draw.
ind-chart-target = Target
ind-chart-baseline = Baseline
ind-chart-measured = Measured
ind-chart-caption = Trend of { $name }
ind-summary-title = <b>Indicators — { $project }</b>
ind-summary-target = target { $target } by { $date }
ind-summary-latest = latest: { $value } ({ $date })
ind-summary-no-value = no measurement yet
ind-summary-how = { $instrument }, by { $owner }, { $rhythm }
ind-summary-next = next: { $date }
ind-digest-line = { $name }: { $value } { $unit } ({ $by })

## report
report-command = Report after the guide's reporting template
report-title = 📄 <b>Report { $project }</b> — { $date }
report-governance = Strategy and governance
report-team = Team { $team } ({ $track }): { $members } members, coordinated by { $coordinators }.
report-rhythm = Regular follow-up: reminders { $before } working days before each deadline, the coordinator hears after { $escalation } days of delay.
report-digest = A weekly digest every { $day }.
report-group = The team's Telegram group gets the updates.
report-actions = Main actions: progress, impact and obstacles
report-actions-count = { $total } dated actions: { $done } done, { $overdue } overdue.
report-obstacles = Obstacles: { $count ->
    [one] 1 action is
   *[other] { $count } actions are
 } overdue. What is holding them back?
report-no-actions = No dated actions yet.
report-targets = Public targets
report-target-line = target { $target } { $unit } by { $date }
report-latest = latest { $value } ({ $progress }%)
report-no-targets = No targets yet: add indicators with /indicators.
report-monitoring = The monitoring system
report-no-monitoring = No indicators yet. Choose a manageable set with /indicators.
