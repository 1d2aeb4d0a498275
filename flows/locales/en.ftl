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
progress-answers = ✓ { $answers }
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

## legacy

lg-title = legacy canvas
lg-description = Legacy canvas: how do we scale?
lg-statement = What is your <b>legacy</b>? A legacy is an intentional, positive impact at a meaningful scale that outlives your project or even your organisation. Say briefly and powerfully what that impact is: your <b>legacy statement</b>.
    .label = Legacy statement
    .hint = Don't think of what you'll do next year, but of what must be different for good in your municipality or region thanks to this offer. One sentence is enough.
    .example = Circular production is the norm.
lg-constraints = What stands in your way towards that legacy? Name the main <b>constraints</b>.
    .label = Constraints
    .hint = Think of time and people, money, regulations, space, support among partners or citizens, or a market that is too small.
    .example = Too few volunteers to open on Saturdays; no fixed location after 2026.
lg-up = <b>Scaling up</b>: more capacity through new products or services, a larger area or new target groups. Which concrete actions do you commit to? One action per line, or skip if this strategy doesn't fit.
    .label = Scaling up
    .hint = Scaling up is the strategy we know best: extend your offer with new products or services, grow geographically or reach new target groups.
    .example = Extend the materials bank to the neighbouring municipalities. Or, as a materials bank, also offer a service that inventories the materials in buildings.
lg-deep = <b>Scaling deep</b>: bring about a mind shift and behaviour change, through communication, education, the media, a movement or a policy change. Which actions do you commit to? One per line, or skip.
    .label = Scaling deep
    .hint = This is about thinking and acting differently: set the example, start a local movement or push for different policy.
    .example = Link the physical materials bank to a training programme, or run team-building days on working with used building materials.
lg-out = <b>Scaling out</b>: make your offer and its impact transferable, through advice, training, open-sourcing, licensing or replication elsewhere. Which actions do you commit to? One per line, or skip.
    .label = Scaling out
    .hint = Others follow thanks to your knowledge: share what works, train people or make your material freely available.
    .example = Share what you learned about setting up and running a materials bank with regions that are just starting out.
lg-down = <b>Scaling down</b>: which activities contribute little or nothing to your impact and can stop, to free time for what really matters? One per line, or skip.
    .label = Scaling down
    .hint = Time is your most precious resource. Letting go of what has little impact keeps the focus sharp.
    .example = Limit the materials bank to the building materials with a large enough second-hand market.
lg-saved = ✔ Your legacy canvas is saved.
lg-summary-title = <b>Legacy canvas — { $project }</b>
lg-summary-statement = 🎯 <b>Legacy statement</b>
lg-summary-constraints = 🚧 <b>Constraints</b>
lg-summary-none = <i>not filled in yet</i>
lg-summary-by = Last updated by { $name } on { $when }.
lg-summary-tip = Choose the scaling strategy that fits your project best; you don't have to use all four.
lg-picture-title = Legacy canvas — { $project }
lg-picture-empty = (not filled in yet)
lg-button-edit = ✏️ Change a part
lg-pick-part = Which part of the legacy canvas do you want to change?
lg-no-canvas = There's no legacy canvas yet. Start one with /legacy.

## communication

cp-title = communication plan
cp-description = Communication plan: who, what, when?
cp-groups = Which <b>target groups</b> do you want to reach with your offer? Send them in one message, <b>one per line</b>, and tap <b>Done</b> when the list is complete.
    .label = Target group
    .hint = A communication plan describes what, how and when you will communicate to specific target groups to reach a goal. Think of who uses your offer, who still has to discover it and who has to support you.
    .example = Residents near the Deelfabriek
cp-priority = How much <b>priority</b> does this target group get?
    .label = Priority
cp-message = Which <b>message</b> do you want to give this target group?
    .label = Message
    .example = Why buy it when you can borrow it here? Drop by and try it yourself.
cp-objectives = What do you want to <b>achieve</b> with this target group?
    .label = Objectives
    .hint = Be as concrete as you can: what should this group know, think or do after your communication?
    .example = 50 new members by the summer, and those who are members keep coming back.
cp-channels = Which <b>channels</b> do you have to reach this target group?
    .label = Channels
    .example = The city magazine, the city's website and social media, community work, posters in the library.
cp-products = Which <b>communication products</b> do you want to make?
    .label = Communication products
    .example = A flyer, a short video, an article in the city magazine.
cp-when = <b>When</b> do you carry out this communication action?
    .label = When
    .hint = Give a date; I keep it as a deadline so the person responsible can be reminded in time.
    .example = 15/3, end of June or next Friday
cp-who = <b>Who</b> is responsible for this communication action?
    .label = Responsible
    .example = Sara from the communication department
cp-summary-title = <b>Communication plan — { $project }</b>
cp-summary-count = { $count ->
    [one] 1 target group
   *[other] { $count } target groups
}, highest priority first.
cp-summary-priority = { $priority } priority
cp-summary-open = <i>still to fill in</i>
cp-summary-line = <b>{ $label }:</b> { $value }
cp-summary-tip = Tip: a good plan says what, how and when for each target group. That's how you keep attracting new users.

## improvements

imp-title = improvement log
imp-description = Improvement log: keep improving the operation
imp-projects = Your offer is up and running now: it's no longer a pilot. Which <b>improvement projects</b> will you set up to make the daily operation better? Send them in one message, <b>one per line</b>, and tap <b>Done</b>.
    .label = Improvement project
    .hint = Think of four themes. Innovation: how do we keep adapting our offer as circumstances change? People and skills: how do we depend less on one or two people, how do we attract staff or volunteers and which skills do they need? Processes and systems: can we standardise or automate, is extra digital or physical infrastructure needed? Communication: how do we keep attracting new users?
    .example = Online booking system for the sharing points
imp-theme = Which <b>theme</b> does this improvement project belong to?
    .label = Theme
imp-theme-innovation = Innovation
imp-theme-people = People and skills
imp-theme-processes = Processes and systems
imp-theme-communication = Communication
imp-theme-innovation-question = how do we keep adapting our offer to changing circumstances?
imp-theme-people-question = how do we depend less on one or two people, and which staff, volunteers and skills do we need?
imp-theme-processes-question = what can we standardise or automate, and which infrastructure is needed?
imp-theme-communication-question = how do we keep attracting new users?
imp-when = <b>By when</b> should this improvement project be done?
    .label = Timing
    .hint = Give a date; I keep it as a deadline so the person responsible can be reminded in time.
    .example = end of September
imp-who = <b>Who</b> is responsible for this improvement project?
    .label = Responsible
    .example = Koen, coordinator of the Deelfabriek
imp-summary-title = <b>Improvement log — { $project }</b>
imp-summary-count = { $count ->
    [one] 1 improvement project
   *[other] { $count } improvement projects
}, by theme.
imp-summary-line = { $name } — by { $when }, { $who }
imp-summary-open = No theme yet
imp-summary-by = added by { $name }
imp-summary-tip = Tip from the guide: follow up the improvement projects in a structured way, with their timing and who is responsible.

## roles

rl-title = division of roles
rl-description = Roles: which role does the local government take?
rl-role = Which <b>role</b> does your local government take in this pilot project? Pick one; you can add other roles afterwards. Tap <b>Tip</b> for what each role means.
    .label = Role
    .hint = Initiator: starts the project and brings the right organisations together around a shared goal. Lead: coordinates, watches progress, creates a climate of cooperation and adjusts course. Observer: follows the activities from a distance; can matter for support and resources. Executor: takes action and carries out tasks. Support builder: builds support for the project. Adviser: advises the lead and the partners from its own knowledge. Inspirer: brings in inspiring examples. Spokesperson: handles the communication and PR. Knowledge sharer: gathers the partners' knowledge and shares lessons, inside and outside the project. Fundraiser: looks for resources and financial support. Provider of resources: provides resources itself, such as money, staff time or a location. Matchmaker: builds bridges and mediates between the partners.
rl-role-initiator = Initiator
rl-role-lead = Lead
rl-role-observer = Observer
rl-role-executor = Executor
rl-role-support = Support builder
rl-role-adviser = Adviser
rl-role-inspirer = Inspirer
rl-role-spokesperson = Spokesperson
rl-role-knowledge = Knowledge sharer
rl-role-fundraiser = Fundraiser
rl-role-provider = Provider of resources
rl-role-matchmaker = Matchmaker
rl-meaning = What does that role mean <b>in practice</b> for you? One or two sentences will do.
    .label = What it means
    .hint = Choose your roles deliberately at the start and tell the partners who put their shoulders to the project. Roles may shift as the project grows.
    .example = We provide the warehouse on the canal for free, and a staff member two days a week.
rl-saved = ✔ The role <b>{ $role }</b> is recorded.
rl-updated = ✔ The role <b>{ $role }</b> is updated. Before, it said: <i>{ $old }</i>
rl-unchanged = The role <b>{ $role }</b> was already recorded like that.
rl-summary-title = <b>Roles of the local government — { $project }</b>
rl-summary-since = chosen by { $who } on { $since }
rl-summary-changed = changed by { $who } on { $when }
rl-summary-tip = Tell your partners which roles you take. When the project grows, look again: roles may shift.
rl-none = No roles have been chosen yet.
rl-button-another = ➕ Another role
rl-button-drop = ➖ Let go of a role
rl-button-history = 🕓 History
rl-pick-drop = Which role are you letting go of? What you wrote about it stays in the history.
rl-dropped = The role <b>{ $role }</b> was let go.
rl-history-title = <b>How the roles changed</b>
rl-history-line = { $when }, { $who }: { $what }
rl-history-taken = (taken on)
rl-history-dropped = (let go)
## testcard
tc-title = test card
tc-description = Plan a test (test card)
tc-name = What is the test called? A short name everyone in the team recognises.
    .example = Needs of the circular entrepreneur
tc-owner = Who is responsible for this test?
    .example = Marie
tc-deadline = By when must the test be done?
    .example = end of June, 15/6, in 3 weeks
tc-duration = How long does the test run?
    .example = 2 weeks
tc-hypothesis = <b>Step 1 — hypothesis.</b> Finish the sentence, as concretely as you can: <i>We believe that …</i>
    .hint = One assumption per test card. Pick the one that makes your offer succeed or fail fastest.
    .example = our target group has no view of existing subsidy channels for circular projects
tc-criticality = How critical is this assumption for your offer?
tc-test = <b>Step 2 — test.</b> Finish the sentence: <i>To verify this, we will …</i>
    .hint = A bounded, concrete experiment with a minimal version: a pop-up, a slide deck, a moodboard, a video, a cardboard model.
    .example = interview some business leaders from the region
tc-kind = What kind of test is it?
tc-kind-landing = Landing page with a call to action
tc-kind-ads = Search ads and analytics
tc-kind-interviews = Interviews
tc-kind-survey = Online survey
tc-kind-preorder = Pre-order
tc-kind-crowdfunding = Crowdfunding
tc-kind-ab_test = A/B test
tc-kind-focus_group = In-depth interviews or focus group
tc-kind-other = Something else
tc-cost = How much does the test cost (money and time)?
tc-reliability = How reliable is the data the test gives?
    .hint = What people do (a pre-order, a click) is more reliable than what they say.
tc-metric = <b>Step 3 — measure.</b> Finish the sentence: <i>And measure …</i>
    .hint = Which number confirms or refutes your hypothesis?
    .example = the share of interviewees who see insight into subsidy channels as added value
tc-time-needed = How much time do you need to measure it?
    .example = 3 weeks
tc-criteria = <b>Step 4 — criteria.</b> Finish the sentence: <i>We are right if …</i> Fix in advance what must at least succeed, with a number.
    .hint = That way you won't judge the results through rose-tinted glasses later.
    .example = at least 6 of the 10 interviewees say so
tc-criteria-vague = Make your criteria measurable before the test starts: name a number or a share. For example: <i>at least 6 of the 10 interviewees say so</i>, or <i>at least 20 pre-orders</i>.
tc-which-test = Which test is it about? Type its name as on the board (/board).
tc-result-title = result
tc-result-description = Log the result of a test
tc-result = What was the result? Give the number if you can.
    .example = 7 of the 10 see it as added value
tc-learning-title = learning card
tc-learning-description = Fill in a test's learning card
tc-believed = <b>Learning card.</b> <i>We believed that …</i>
tc-observed = <i>We observed …</i>
    .example = 7 of the 10 business leaders don't know the subsidy channels
tc-learned = <i>From that we learned …</i>
tc-will = <i>Therefore we will …</i>
tc-criteria-title = criteria of a test
tc-criteria-new = What are the new criteria? <i>We are right if …</i>
tc-status-backlog = Backlog
tc-status-build = Build
tc-status-measure = Measure
tc-status-learn = Learn
tc-status-done = Closed
tc-button-move = ➡️ To { $column }
tc-button-result = 📊 Log the result
tc-button-learning = 📝 Learning card
tc-button-close = ✅ Close the test
tc-button-criteria = ✏️ Change the criteria
tc-button-board = 📋 Progress board
tc-button-full = Test card step by step
tc-button-map = 🗺️ Assumption map
tc-saved = Test card <b>{ $name }</b> is in the backlog. Move it to <i>Build</i> once you start preparing it.
tc-quick-date-unclear = I can't read “{ $text }” as a date; I'll ask for the deadline separately in a moment.
tc-quick-date-past = “{ $text }” is in the past; I'll ask for the deadline separately in a moment.
tc-quick-too-long = The { $part } is longer than { $max } characters; I'll ask for it separately in a moment.
tc-part-name = name
tc-part-owner = responsible person
tc-part-hypothesis = hypothesis
tc-part-test = test
tc-part-metric = metric
tc-part-criteria = criteria
tc-quick-no-bars = A test card in one message has seven parts, separated by <code>|</code>:
    <code>/test name | hypothesis | test | metric | criteria | responsible | deadline</code>
    For example: <code>/test Needs of the circular entrepreneur | our target group has no view of subsidy channels | interview some business leaders | share who see it as added value | at least 6 of the 10 | Marie | end of June</code>
    Or just type /test and I'll ask step by step.
tc-quick-too-many = I count { $count } parts, but a test card has { $max }: name | hypothesis | test | metric | criteria | responsible | deadline. Is there a <code>|</code> too many somewhere? Nothing has been saved yet.
tc-not-found = I can't find a test “{ $name }” in this project. Check its name on the board.
tc-board-title = Progress board — { $project }
tc-more = more
tc-map-title = Assumption map — { $project }
tc-map-importance = Importance (critical)
tc-map-evidence = Evidence
tc-evidence-none = None yet
tc-evidence-said = People said
tc-evidence-did = People did
tc-map-high-low = Test this first
tc-map-high-medium = Look for evidence in actions
tc-map-high-high = Well supported
tc-map-medium-low = Test next
tc-map-medium-medium = Fairly supported
tc-map-medium-high = Supported
tc-map-low-low = Less urgent
tc-map-low-medium = Less urgent
tc-map-low-high = Less urgent
tc-map-empty = No hypotheses yet
tc-board-empty = There are no tests on the board yet. Plan one with /test.
tc-map-none = There are no hypotheses to put on the assumption map yet. Plan a test with /test.
tc-map-caption = Assumption map: every hypothesis by importance and evidence. Top right is best supported; top left is what to test first.
tc-result-which = I don't recognise the test at the start of your message. I'm keeping your result.
tc-compare-unclear = I can't compare the result and the criteria as numbers.
tc-compare = Comparison: { $observed } against { $op } { $wanted }.
tc-result-has-verdict = This test already has a verdict.
tc-result-logged = Result of <b>{ $name }</b> logged.
tc-result-versus = Result: <i>{ $result }</i>
    Fixed in advance: <i>{ $criteria }</i>
tc-verdict-proposed = My proposal: <b>{ $verdict }</b>. Confirm the verdict as a team (or choose another):
tc-verdict-validated = Validated
tc-verdict-not_validated = Not validated
tc-verdict-unclear = Unclear
tc-verdict-already = That verdict is already set.
tc-verdict-set = Verdict: <b>{ $verdict }</b>. The test is now in <i>Learn</i>.
tc-next-validated = Next step according to the guide: go on to the next step of your pilot.
tc-next-not_validated = Next step according to the guide: back to the value proposition canvas. Adapt your offer (iterate) or change direction (pivot), and test again.
tc-next-unclear = Next step according to the guide: design another test that does give an answer.
tc-learning-saved = Learning card saved. Close the test when the team is ready.
tc-closed = This test is already closed.
tc-criteria-same = Those are the same criteria; nothing changes.
tc-criteria-changed = Criteria changed.
tc-criteria-changed-locked = Criteria changed. Because the test was already running, the original text stays visible on the card.
tc-criteria-warning = Note: this test is already running, so its criteria are fixed. If you change them anyway, the old text stays visible on the card, with who and when.
tc-already-there = The test is already in <i>{ $column }</i>.
tc-moved = <b>{ $name }</b> is now in <i>{ $column }</i>.
tc-criteria-locked = 🔒 The criteria are now fixed.
tc-close-needs-learning = A test is closed only with a learning card: what did you believe, what did you observe, what did you learn and what will you do now?
tc-closed-now = <b>{ $name }</b> is closed. Well done!
tc-board-description = The progress board of your tests
tc-map-description = The assumption map (importance and evidence)
tc-card-owner = Responsible: { $owner } · deadline: { $deadline }
tc-card-duration = duration: { $duration }
tc-card-hypothesis = We believe that <i>{ $text }</i>
tc-card-criticality = critical: { $level }
tc-card-test = To verify this, we will <i>{ $text }</i>
tc-card-cost = cost: { $level }
tc-card-reliability = reliability: { $level }
tc-card-metric = And measure <i>{ $text }</i>
tc-card-time = time: { $time }
tc-card-criteria = We are right if <i>{ $text }</i>
tc-card-criteria-changed = Criteria changed during the test by { $who } on { $when }. Originally: <i>{ $old }</i>
tc-card-result-label = Result:
tc-card-learning-label = Learning card
tc-card-believed = We believed that <i>{ $text }</i>
tc-card-observed = We observed <i>{ $text }</i>
tc-card-learned = From that we learned <i>{ $text }</i>
tc-card-will = Therefore we will <i>{ $text }</i>
tc-board-heading = <b>Progress board — { $project }</b>
tc-board-column-empty = empty
tc-board-tip = Tip from the guide: test cheaply with a minimal version, and fix your criteria before the test runs.
tc-completed = The missing details are now on the card.
tc-button-complete = ➕ Add details
tc-board-hypothesis = ↳ we believe that <i>{ $text }</i>
tc-details-title = details of a test
tc-board-caption = The progress board: Backlog → Build → Measure → Learn.
tc-stem-only = Finish the sentence in your own words: what comes after the opening words?
tc-card-by = test card by { $name }
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

## testcard → legacy
tc-ready-to-scale = 🎉 Every critical hypothesis of your pilot is validated. Time to think about scaling: what should your pilot leave behind, and by which road (scale up, deep, out or down)?
tc-button-legacy = Open the legacy canvas
