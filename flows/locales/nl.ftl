## General

error-not-allowed = Dat mag je niet doen: dit hoort bij een team waar je geen lid (meer) van bent, of het vraagt de rol van coördinator.
error-unexpected = Oei, daar liep iets mis aan mijn kant. Je antwoorden tot nu toe zijn bewaard. Probeer het zo meteen nog eens.
ok = Oké.
button-expired = Deze knop is verlopen. Gebruik de knoppen onder mijn laatste bericht, of typ /help.
fallback = Dat begrijp ik niet helemaal. Kies hieronder een hulpmiddel, of typ /help voor alle mogelijkheden.
unknown-command = Het commando /{ $command } ken ik niet. Typ /help voor wat ik kan.
welcome = Dag { $name }, welkom bij <b>Kringkoers</b>! Ik begeleid je team door de methode van Vlaanderen Circulair en VVSG om je gemeente circulair te maken: van stakeholderkaart tot testkaart, in korte gesprekjes op je gsm.
no-project = Je zit nog niet in een team. Maak er een aan, of open de uitnodigingslink die je van je coördinator kreeg.
help-intro = <b>Kringkoers</b> helpt je team stap voor stap door de circulaire strategie en het circulaire pilootproject.
help-project = Je werkt nu aan <b>{ $project }</b> van team <b>{ $team }</b>.
help-words = Tijdens een vraag kan je altijd typen: <i>terug</i>, <i>overslaan</i> (als een vraag optioneel is), <i>tip</i> (uitleg en een voorbeeld) of <i>stop</i> (pauzeren; je antwoorden blijven bewaard).
cmd-help = Wat kan Kringkoers?
cmd-summary = Overzicht van je project
cmd-edit = Een bewaard antwoord wijzigen
cmd-team = Je team: leden, uitnodigen, verlaten
cmd-invite = Collega's uitnodigen (coördinator)
cmd-projects = Wisselen van project
cmd-language = Taal kiezen / choose language
cmd-stop = Het huidige gesprek pauzeren

## Walking a flow

flow-start = We starten met de <b>{ $flow }</b>.
flow-done = De <b>{ $flow }</b> is bijgewerkt. Dank je! Hier is het overzicht.
progress = <i>{ $flow } · stap { $step } van { $total }</i>
progress-item = <b>{ $name }</b> ({ $number } van { $count })
progress-edit = <i>Wijzigen: { $name }</i>
you-are-here = Hier was je gebleven:
resume-offer = Je was bij stap { $step } van { $total } van je { $flow } — verder?
button-resume = Verder
button-restart = Opnieuw beginnen
stop-nothing = Er loopt nu geen gesprek om te stoppen.
stop-done = De { $flow } is gepauzeerd. Alles wat je al antwoordde, is bewaard. Typ /{ $command } om verder te gaan.
back-at-start = Je bent al bij de eerste vraag.
skip-not-allowed = Deze vraag kan je niet overslaan.
done-not-here = "Klaar" past hier niet: beantwoord eerst de vraag.
hint-label = 💡
example-label = <b>Voorbeeld:</b>
hint-none = Voor deze vraag heb ik geen extra tip.
button-back = ⬅ Terug
button-done = ✅ Klaar
button-skip = Overslaan
button-hint = 💡 Tip
button-stop = ⏸ Stop
list-count = Er { $count ->
    [one] staat nu 1 item
   *[other] staan nu { $count } items
} op de lijst.
list-added = ✔ { $count ->
    [one] 1 toegevoegd
   *[other] { $count } toegevoegd
}: { $names }
list-known = Stond al op de lijst: { $names }
list-more = Nog meer? Stuur ze, één per regel, of tik op <b>Klaar</b>.
list-empty = De lijst is nog leeg. Voeg eerst minstens één item toe.
multi-chosen = Gekozen: { $chosen }
multi-none = Kies minstens één mogelijkheid, en tik dan op Klaar.
item-gone = Dit item werd intussen verwijderd door een teamlid; we gaan verder met het volgende.
item-done-by-other = { $name } werd intussen al ingevuld door { $who }; we slaan die over.
overlap = Let op: { $name } vulde dit net ook in, als “{ $old }”. Jouw antwoord “{ $new }” is nu bewaard; het vorige blijft in de geschiedenis.
picture-caption = { $flow }
announce-updated = 📣 { $name } werkte de <b>{ $flow }</b> van { $project } bij: nu { $count ->
    [one] 1 item
   *[other] { $count } items
}. Typ /overzicht voor het geheel.
summary-empty = Er is nog niets ingevuld in dit project. Kies een hulpmiddel om te starten.

## Input problems

input-empty = Ik kreeg een leeg antwoord. Typ je antwoord als tekst.
input-not-text = Ik kan enkel tekst lezen, geen foto's, stickers of spraakberichten. Typ je antwoord, of tik op een knop.
input-too-long = Dat is te lang ({ $length } tekens). Hou het onder { $max } tekens.
input-empty-list = Ik vond geen items. Zet er één per regel.
input-line-too-long = { $count ->
    [one] Eén regel is
   *[other] { $count } regels zijn
} langer dan { $max } tekens. Kort ze in.
input-too-many = Maximaal { $max } items per bericht, graag.
input-not-offered = Dat is geen van de mogelijkheden. Tik op een knop of typ het nummer.
input-not-a-number = Dat is geen getal. Typ bijvoorbeeld 12 of 12,5.
input-too-small = Dat is te klein: minstens { $min }.
input-too-large = Dat is te groot: hoogstens { $max }.
input-scale = Kies een geheel getal van { $min } tot { $max }.
input-not-a-date = Die datum begrijp ik niet. Probeer bijvoorbeeld “15/3”, “eind juni” of “volgende vrijdag”.
input-date-past = Die datum ({ $date }) ligt in het verleden. Geef een datum vanaf vandaag.

## Teams and projects

button-new-team = ➕ Nieuw team
button-team = 👥 Team
button-members = Leden
button-projects = Projecten
button-invite = ✉ Uitnodigen
button-revoke = Uitnodigingen intrekken
button-leave = Team verlaten
button-leave-yes = Ja, verlaat het team
button-no = Nee
button-new-project = ➕ Nieuw project
button-remove = Verwijder { $name }
button-handover = Maak { $name } coördinator
button-open-private = Open het privégesprek
button-add-more = ➕ Aanvullen
button-edit = ✏ Wijzigen
button-summary = 📋 Overzicht
role-coordinator = coördinator
role-member = lid
team-none = Je zit nog in geen enkel team.
team-list-title = <b>Je teams</b>
team-line = • { $team } ({ $role })
members-title = <b>Team { $team }</b> — { $count } { $count ->
    [one] lid
   *[other] leden
}
member-line = • { $name } ({ $role })
invite-created = Stuur deze uitnodiging naar je collega's voor team <b>{ $team }</b>:
    { $link }
    Ze is geldig tot { $until }. Intrekken kan via /team.
invite-only-coordinator = Alleen de coördinator van het team kan uitnodigen.
invite-unknown = Deze uitnodiging ken ik niet. Vraag je coördinator om een nieuwe link.
invite-expired = Deze uitnodiging is verlopen. Vraag je coördinator om een nieuwe link.
invite-revoked = Deze uitnodiging werd ingetrokken. Vraag je coördinator om een nieuwe link.
invite-revoked-count = { $count ->
    [one] 1 uitnodiging ingetrokken.
   *[other] { $count } uitnodigingen ingetrokken.
}
invite-joined = Welkom in team <b>{ $team }</b>! Kies hieronder waar je wil helpen.
invite-already = Je zit al in team <b>{ $team }</b>.
leave-confirm = Wil je team <b>{ $team }</b> echt verlaten? Wat je invulde, blijft bij het team.
leave-done = Je hebt het team verlaten.
leave-hand-over-first = Je bent de enige coördinator. Maak eerst iemand anders coördinator via /team → Leden.
member-removed = Het lid is uit het team verwijderd.
handover-done = De rol van coördinator is overgedragen. Jij bent nu lid.
projects-title = Aan welk project wil je werken?
project-switched = Je werkt nu aan <b>{ $project }</b> van team <b>{ $team }</b>.
language-choose = In welke taal wil je verder? / Which language do you prefer?
language-set = Ik spreek vanaf nu Nederlands met je.
link-only-coordinator = Alleen de coördinator kan deze groep aan het team koppelen.
link-done = Deze groep is nu gekoppeld aan team <b>{ $team }</b>. Ik post hier overzichten en aankondigingen.
link-in-group = Typ /koppel in de groepschat van je team om die aan het team te koppelen.
group-welcome = Hallo allemaal, ik ben <b>Kringkoers</b>! Een coördinator koppelt deze groep aan jullie team met /koppel; daarna post ik hier overzichten en aankondigingen. De vragen zelf beantwoord je in een privégesprek met mij.
group-not-linked = Deze groep is nog niet aan een team gekoppeld. De coördinator kan dat doen met /koppel.
group-go-private = Dat doen we in een privégesprek, zodat de groep niet volloopt. Tik op de knop.
setup-team-title = opstart van je team
setup-team-name = Hoe heet je team? Bijvoorbeeld de naam van je gemeente of stad.
    .label = Teamnaam
    .example = Circulair Mechelen
setup-project-title = opstart van een nieuw project
setup-project-name = Hoe heet het project?
    .label = Projectnaam
    .hint = Een strategie voor de hele gemeente, of één pilootproject: geef het een naam die iedereen herkent.
    .example = Circulaire strategie 2030
setup-track = Welk traject volgt dit project?
    .label = Traject
    .hint = De circulaire strategie volgt 3 fasen: stakeholders, visie en kansen → doelen en acties → verankering en monitoring. Het pilootproject volgt 4 stappen: de gebruikers begrijpen → het aanbod testen → opschalen → de werking verbeteren.
track-strategy = Circulaire strategie
track-pilot = Circulair pilootproject
setup-team-done = Team <b>{ $team }</b> is aangemaakt, met het project <b>{ $project }</b>. Jij bent de coördinator. Nodig je collega's uit, of begin meteen.
setup-project-done = Project <b>{ $project }</b> is toegevoegd aan team <b>{ $team }</b>, en je werkt er nu aan.

## Editing

edit-nothing = Er is nog niets om te wijzigen.
edit-pick-item = Wat wil je wijzigen in de { $flow }? Tik of typ het nummer.
edit-item-title = <b>{ $name }</b> — laatst gewijzigd door { $who } op { $when }
edit-pick-field = Welk veld wil je wijzigen?
edit-name = Wat is de nieuwe naam?
    .label = Naam
edit-saved = ✔ Bewaard.
edit-delete-confirm = <b>{ $name }</b> verwijderen? Het blijft in de geschiedenis bewaard.
button-delete = 🗑 Verwijderen
button-delete-yes = Ja, verwijderen
button-edit-done = Klaar met wijzigen
edit-deleted = { $name } is verwijderd.
edit-finished = Klaar met wijzigen.

## Stakeholder mapping (Tools 1 and 2)

sh-title = stakeholderkaart
sh-description = Stakeholderkaart: wie moet mee aan boord?
sh-longlist = Wie kan jullie project beïnvloeden, of wordt erdoor beïnvloed? Zet je stakeholders in een bericht, <b>één per regel</b>: interne diensten en schepenen, en externe partners. Tik op een suggestie om ze toe te voegen, en op <b>Klaar</b> als je lijst af is.
    .label = Naam
    .hint = Denk breed: burgers en burgerplatformen, bedrijven, start-ups, kennisinstellingen en ngo's, investeerders, sociaal-circulaire hubs. Vaak zijn de afvalintercommunale, de Kringwinkel en de CE-coördinatoren van buurgemeenten sleutelpartners. Vergeet de interne diensten en de bevoegde schepenen niet.
    .example = Kringwinkel Regio Gent
sh-side = Is dit een interne of een externe stakeholder?
    .label = Intern of extern
sh-internal = Intern
sh-external = Extern
sh-power = Hoeveel <b>macht</b> heeft deze stakeholder: gezag en beslissingsmacht over het thema?
    .label = Macht
    .hint = Hoog: kan beslissen of tegenhouden (bv. het schepencollege). Laag: heeft weinig invloed op de beslissingen.
sh-interest = Hoe groot is het <b>belang</b>: hoe sterk is deze stakeholder betrokken bij het thema?
    .label = Belang
    .hint = Hoog: wordt sterk geraakt of wil actief meedoen. Laag: ligt er niet wakker van.
sh-involvement = Hoe wil je deze stakeholder betrekken?
    .label = Betrokkenheid
    .hint = Informeren: op de hoogte houden. Raadplegen: mening vragen. Co-produceren: samen beslissen en uitvoeren.
sh-inform = Informeren
sh-consult = Raadplegen
sh-coproduce = Co-produceren
sh-note = Nog een notitie over deze stakeholder? (contactpersoon, bestaand overlegforum, …)
    .label = Notitie
    .example = Zit al in de klimaattafel van het Lokaal Energie- en Klimaatpact.
sh-unrated = { $name } heeft nog geen macht en belang.
sh-feedback = <b>{ $name }</b> → <b>{ $strategy }</b>: { $advice }
sh-grid-title = Stakeholderkaart — { $project }
sh-power-axis = Macht
sh-interest-axis = Belang
sh-grid-empty = Nog geen stakeholders
sh-grid-more = meer
sh-summary-title = <b>Stakeholderkaart — { $project }</b>
sh-summary-counts = { $total } stakeholders: { $internal } intern, { $external } extern.
sh-summary-unrated = Nog in te schatten
sh-summary-by = toegevoegd door { $name }
sh-summary-tip = Tip uit de gids: besteed je beperkte tijd eerst aan wie je echt aan boord moet hebben.
level-low = laag
level-medium = midden
level-high = hoog
sh-suggest-citizens = Burgers en burgerplatformen
sh-suggest-companies = Lokale bedrijven
sh-suggest-startups = Start-ups
sh-suggest-knowledge = Kennisinstellingen en ngo's
sh-suggest-investors = Investeerders
sh-suggest-hubs = Sociaal-circulaire hub
sh-suggest-waste = Afvalintercommunale
sh-suggest-kringwinkel = Kringwinkel
sh-suggest-neighbours = CE-coördinatoren buurgemeenten
sh-suggest-aldermen = Bevoegde schepenen
sh-suggest-departments = Interne diensten (milieu, economie, …)
strategy-observe = Observeer
strategy-observe-advice = hou hen op de hoogte en tevreden, ook al zijn ze weinig geïnteresseerd. Ga er voorzichtig mee om: ze kunnen hun macht tegen het project gebruiken.
strategy-keep_satisfied = Houd tevreden
strategy-keep_satisfied-advice = niet rechtstreeks betrokken, maar ze kunnen veel invloed uitoefenen. Zorg dat ze tevreden blijven.
strategy-manage_closely = Continu en actief management
strategy-manage_closely-advice = sleutelspelers die sterk investeren. Betrek hen continu en actief: deze wil je echt aan boord.
strategy-keep_involved = Houd betrokken
strategy-keep_involved-advice = hou hen betrokken en vraag geregeld hun inbreng.
strategy-keep_informed = Houd geïnformeerd
strategy-keep_informed-advice = geef hen evenwichtige, objectieve informatie.
strategy-no_focus = Geen focus
strategy-no_focus-advice = laagste prioriteit: blijf in contact, maar besteed er weinig tijd aan.

## domains

dom-title = actiedomeinen
dom-description = Actiedomeinen: waar gaan jullie op inzetten?
dom-list = Op welke <b>actiedomeinen</b> wil je team inzetten? Tik de domeinen uit de gids aan, of typ je eigen domeinen, één per regel. Tik op <b>Klaar</b> als je lijst af is.
    .label = Domein
    .hint = De gids onderscheidt vijf actiedomeinen. Kies de domeinen waar jullie gemeente het verschil kan maken en waar stakeholders achter staan: een domein zonder draagvlak zakt naar beneden op de lijst.
    .example = Gebouwde omgeving
dom-subdomains = Welke deeldomeinen neem je mee? Tik ze aan en daarna op <b>Klaar</b>.
    .label = Deeldomeinen
dom-own-focus = Wat wil je binnen dit eigen domein precies aanpakken?
    .label = Focus
    .example = Circulaire evenementen in de binnenstad
dom-bio = Bio-economie en voeding
dom-built = Gebouwde omgeving
dom-consumer = Consumentengoederen en afval
dom-industry = Industrie en lokale economie
dom-other = Andere domeinen
dom-bio-biowaste = Valorisatie van bioafval
dom-bio-catering = Afvalvrije catering en evenementen
dom-bio-shortchain = Korte keten en stadslandbouw
dom-bio-green = Groenbeheer
dom-bio-agriculture = Duurzame landbouw
dom-bio-foodwaste = Voedselverlies voorkomen
dom-built-building = Circulair en veranderingsgericht bouwen
dom-built-adaptive = Klimaatadaptief en natuurinclusief bouwen
dom-built-materials = Hergebruik van materialen
dom-built-spaces = Gedeeld gebruik van ruimtes
dom-built-infrastructure = Publieke infrastructuur
dom-built-brownfields = Stadsontwikkeling en brownfields
dom-consumer-repair = Herstel en gebruik
dom-consumer-sharing = Deelsystemen
dom-consumer-makers = Makers en ambacht
dom-consumer-collection = Inzameling en hoogwaardige valorisatie van afvalstromen
dom-consumer-cleanliness = Openbare netheid
dom-industry-cooperation = Samenwerking tussen reguliere en sociale-economiebedrijven
dom-industry-parks = Circulaire bedrijventerreinen
dom-industry-symbiosis = Industriële symbiose
dom-other-water = Ontharden, water opvangen en hergebruiken
dom-other-care = Circulaire zorg
dom-other-mobility = Deelmobiliteit
dom-other-heat = Warmtenetten
dom-summary-title = <b>Actiedomeinen — { $project }</b>
dom-summary-by = gekozen door { $name }
dom-summary-tip = Volgende stap: formuleer per domein een SMART-doel met /doel.

## goal

goal-title = SMART-doelen
goal-description = SMART-doelen per actiedomein
goal-domain = Voor welk <b>actiedomein</b> schrijf je een doel? Tik een domein van je team aan, of typ er een.
    .label = Domein
goal-statement = Schrijf je <b>doel</b> in één zin. Ik kijk daarna samen met jou of het SMART is: Specifiek, Meetbaar, Acceptabel, Realistisch en Tijdgebonden.
    .label = Doel
    .hint = Zeg wat er verandert, voor wie of waar, hoeveel, wie het draagt, met welke middelen, en tegen wanneer.
    .example = Vanaf 2025 past de gemeente zelf circulaire principes toe in al haar nieuwbouwprojecten.
goal-ask-specific = Je doel is nog wat algemeen. <b>Wat</b> verandert er precies, en <b>voor wie of waar</b>?
    .label = Specifiek
    .example = in alle nieuwbouwprojecten van de gemeente
goal-ask-measurable = Hoe zie je dat je er bent? Noem een <b>getal, percentage of indicator</b>.
    .label = Meetbaar
    .example = 30% minder restafval
goal-ask-acceptable = <b>Wie draagt</b> dit doel? Tik een stakeholder van je kaart aan, of typ wie het mee trekt.
    .label = Acceptabel
    .example = de technische dienst, samen met de Kringwinkel
goal-ask-realistic = Met welke <b>middelen</b> maak je dit waar: mensen, budget, een bestaand programma?
    .label = Realistisch
    .example = met een budget van 20.000 euro en een halftijdse projectmedewerker
goal-ask-time_bound = <b>Tegen wanneer</b> wil je dit bereikt hebben?
    .label = Tijdgebonden
    .example = tegen eind 2027
goal-reason = Je doel mist nog een SMART-element. Je mag het toch zo bewaren: schrijf kort <b>waarom</b>. Of tik op <b>Terug</b> om het aan te vullen.
    .label = Reden
    .example = Het budget wordt pas in het najaar beslist.
goal-time-unclear = Daar herken ik geen moment in. Schrijf bijvoorbeeld "tegen 2030", "vanaf 2025", "eind juni" of "binnen twee jaar".
goal-element-specific = S
goal-element-measurable = M
goal-element-acceptable = A
goal-element-realistic = R
goal-element-time_bound = T
goal-rewrite-carried = gedragen door { $who }
goal-rewrite-means = met { $means }
goal-saved = ✔ Doel bewaard voor <b>{ $domain }</b>:
    <i>{ $statement }</i>
goal-marked = ⚠ Dit doel is nog niet volledig SMART en staat zo gemarkeerd. Reden: { $reason }
goal-proposal = Met je antwoorden kan het doel zo klinken:
    <i>{ $proposal }</i>
    Zal ik het zo herschrijven?
goal-button-rewrite = ✍ Ja, herschrijf
goal-button-keep = Nee, hou mijn zin
goal-button-another = ➕ Nog een doel
goal-button-edit = ✏ Doel herformuleren
goal-edit = Herformuleer je doel. Nu luidt het: <i>{ $statement }</i>
goal-button-actions = 💡 Acties bedenken voor dit doel
goal-kept = Oké, het doel blijft: <i>{ $statement }</i>
goal-rewritten = ✍ Herschreven: <i>{ $statement }</i>
goal-rewrite-gone = Dat voorstel is al afgehandeld. Het doel luidt nu: <i>{ $statement }</i>
goal-summary-title = <b>SMART-doelen — { $project }</b>
goal-summary-marked = ⚠ niet volledig SMART ({ $reason })
goal-summary-by = door { $name }

## ideas

ideas-title = actielijnen en acties
ideas-description = Van doel naar actielijnen en acties
ideas-goal = Voor welk <b>doel</b> bedenk je acties? Tik een doel aan.
    .label = Doel
ideas-line = Doel: <i>{ $goal }</i>
    Welke <b>actielijn</b> werk je uit: wat is er in grote lijnen nodig om dit doel te halen? { $count ->
        [0] Typ een eerste actielijn.
       *[other] Tik een actielijn van je team aan, of typ een nieuwe.
    }
    .label = Actielijn
    .hint = Een actielijn zegt in grote lijnen wat nodig is; de acties maken het concreet.
    .example = Inbedden van circulaire principes bij de opmaak van aanbestedingen en bijhorende gunningscriteria
ideas-ideas = Hoe kunnen we ervoor zorgen dat dit lukt: <b>{ $line }</b>?
    Schrijf je ideeën voor <b>concrete acties</b>, één per regel. Bouw gerust verder op wat je team al bedacht. { $count ->
        [0] {""}
       *[other] {"\u000a"}Al bedacht door je team:
    { $others }
    }
    .label = Ideeën
    .hint = Brainwriting: iedereen schrijft eerst zelf, en bouwt dan verder op de ideeën van de anderen. Denk ook aan acties samen met buurgemeenten.
    .example = Voorzien van opleiding circulair aanbesteden
ideas-no-goals = Je team heeft nog geen doelen. Formuleer eerst een SMART-doel met /doel.
ideas-goal-unknown = Dat doel ken ik niet. Tik een van de doelen van je team aan.
ideas-goal-gone = Dat doel werd intussen verwijderd, dus ik kon je ideeën niet bewaren. Hier zijn ze, om te kopiëren: { $ideas }
ideas-too-long = Een idee is langer dan 200 tekens. Maak er een kortere zin van, of verdeel het over meer regels.
ideas-too-many = Dat zijn meer dan 50 ideeën in één keer. Stuur ze in een paar berichten.
ideas-button-more = 💡 Meer ideeën voor dit doel
ideas-summary-title = <b>Actieplan — { $project }</b>

## impact

impact-title = impact-inspanningsmatrix
impact-description = Impact en inspanning van de acties scoren
impact-no-actions = Er zijn nog geen acties om te scoren. Bedenk eerst acties met /acties.
impact-ask-impact = <i>Actie { $number } van { $total }</i> · doel: <i>{ $goal }</i>
    <b>{ $name }</b>
    Hoeveel <b>impact</b> heeft deze actie: hoeveel draagt ze bij aan je doelen en aan de lokale circulaire transitie? 1 = weinig, 5 = heel veel.
impact-ask-effort = <i>Actie { $number } van { $total }</i> · doel: <i>{ $goal }</i>
    <b>{ $name }</b>
    Hoeveel <b>inspanning</b> vraagt ze: tijd, geld, energie en risico? 1 = weinig, 5 = heel veel.
impact-button-matrix = 📊 Toon de matrix
impact-all-scored = ✔ Je hebt alle acties gescoord. Dank je! Zo staan ze nu, met de scores van het hele team samen:
impact-nothing-scored = Nog niemand heeft acties gescoord. Start met /impact.
impact-summary-title = <b>Impact en inspanning — { $project }</b>
impact-quadrant-quick_win = <b>Quick wins</b> (veel impact, weinig inspanning): { $count }
impact-quadrant-big_bet = <b>Grote projecten</b> (veel impact, veel inspanning): { $count }
impact-quadrant-fill_in = <b>Kleine verbeteringen</b> (weinig impact, weinig inspanning): { $count }
impact-quadrant-time_sink = <b>Tijdvreters</b> (weinig impact, veel inspanning): { $count }
impact-mix-no-big = 💡 Je plan telt { $small } kleine verbeteringen maar nog geen groot project. De gids raadt een mix aan: enkele grote projecten van langere duur met veel impact, en veel kleine verbeteringen.
impact-mix-too-big = 💡 Je plan telt { $big } grote projecten en { $small } kleine verbeteringen. De gids raadt enkele grote projecten aan naast veel kleine verbeteringen: die laatste geven snel resultaat en energie.
impact-mix-good = 👍 Mooie mix: { $big } grote projecten en { $small } kleine verbeteringen, zoals de gids aanraadt.
impact-unscored = Nog niet gescoord: { $names }
impact-again-tip = Je scores aanpassen? Typ <i>/impact opnieuw</i>.
impact-chart-title = Impact en inspanning — { $project }
impact-axis = Impact
effort-axis = Inspanning (tijd, geld, energie, risico)
impact-name-quick_win = Quick wins
impact-name-big_bet = Grote projecten
impact-name-fill_in = Kleine verbeteringen
impact-name-time_sink = Tijdvreters

## sheet

sheet-title = actiefiche
sheet-menu = Actiefiche: een actie uitwerken met trekker en mijlpalen
sheet-q-action = Welke <b>actie</b> werk je uit in een actiefiche? Tik een actie aan.
    .label = Actie
sheet-q-description = <b>Beschrijving</b>: wat houdt de actie in?
    .label = Beschrijving
    .example = Een opleiding circulair aanbesteden voor de aankoopdienst en de technische dienst.
sheet-q-results = Welke <b>resultaten</b> beoog je?
    .label = Beoogde resultaten
    .example = Alle bestekken voor nieuwbouw bevatten circulaire gunningscriteria.
sheet-q-milestones = Wat zijn de belangrijkste <b>mijlpalen</b>? Eén per regel, telkens <i>wat — wanneer</i>.
    .label = Mijlpalen
    .hint = Ik bewaar de datums als deadlines, zodat ik de trekker tijdig kan herinneren.
    .example = Opleiding gegeven — eind juni 2027
sheet-q-parties = Welke <b>partijen</b> betrek je, en wat is de <b>rol</b> van elk? Eén per regel: <i>partij — rol</i>. { $count ->
        [0] Je stakeholderkaart is nog leeg; nieuwe partijen mogen.
       *[other] Op je stakeholderkaart: { $stakeholders }. Nieuwe partijen mogen ook.
    }
    .label = Partijen en rollen
    .example = Kringwinkel — levert herbruikbare materialen
sheet-q-resources = Welke <b>middelen</b> zijn nodig: mensen en geld?
    .label = Middelen
    .example = 0,2 VTE en 5.000 euro voor de opleiding
sheet-q-timeline = Wat is de algemene <b>timing</b>?
    .label = Timing
    .example = januari 2027 tot december 2027
sheet-q-preconditions = Welke <b>randvoorwaarden</b> zijn er: technisch, juridisch, ruimtelijk, organisatorisch?
    .label = Randvoorwaarden
sheet-q-risks = Welke <b>risico's</b> zie je, en hoe ga je ermee om? Eén per regel: <i>risico — aanpak</i>.
    .label = Risico's
    .example = Te weinig inschrijvingen — samen organiseren met de buurgemeenten
sheet-q-first-steps = Wat zijn de <b>eerste zinvolle stappen</b>?
    .label = Eerste stappen
    .example = Opleidingsaanbod vergelijken en een datum prikken
sheet-q-owner = Wie is de <b>trekker</b> van deze actie? Tik een teamlid aan, of typ een naam.
    .label = Trekker
sheet-action-unknown = Die actie ken ik niet. Tik een van de acties van je team aan, of bedenk eerst acties met /acties.
sheet-action-gone = Die actie werd intussen verwijderd, dus de fiche is niet bewaard.
sheet-milestone-no-date = Bij minstens één mijlpaal vind ik geen datum. Schrijf elke mijlpaal als <i>wat — wanneer</i>, bijvoorbeeld "Opleiding gegeven — eind juni 2027".
sheet-lines-too-long = Een regel is langer dan 300 tekens, of het zijn er meer dan 50. Maak het wat korter.
sheet-heading = Actiefiche: { $name }
sheet-goal = Doel: { $goal } · actielijn: { $line }
sheet-label-owner = Trekker:
sheet-label-status = Status:
sheet-label-description = Beschrijving:
sheet-label-results = Beoogde resultaten:
sheet-label-milestones = Mijlpalen:
sheet-label-parties = Partijen en rollen:
sheet-label-resources = Middelen:
sheet-label-timeline = Timing:
sheet-label-preconditions = Randvoorwaarden:
sheet-label-risks = Risico's en aanpak:
sheet-label-first-steps = Eerste stappen:
sheet-party-new = nieuw, niet op de stakeholderkaart
sheet-updated-by = laatst bijgewerkt door { $name }
sheet-button-table = 📋 Actietabel
sheet-button-another = 📝 Nog een actiefiche
sheet-summary-title = <b>Actiefiches — { $project }</b>
sheet-summary-none = Nog geen actiefiches. Start er een met /actiefiche.
status-idea = idee
status-planned = gepland
status-running = lopend
status-done = afgerond
status-stopped = stopgezet

## table

table-description = Actietabel: alle acties met trekker, status en deadline
table-empty = Er zijn nog geen acties. Bedenk eerst acties met /acties.
table-title = <b>Actietabel — { $project }</b>
table-owner = trekker: { $owner }
table-priority-high = prioriteit hoog
table-priority-medium = prioriteit midden
table-priority-low = prioriteit laag
table-priority-none = nog niet gescoord
table-due = volgende deadline { $date }
table-tip = Tik op ✏ en het nummer van een actie om haar status aan te passen.
table-pick = Welke status heeft <b>{ $name }</b> nu?
table-button-sheet = 📝 Actiefiche
table-status-set = ✔ <b>{ $name }</b> staat nu op <b>{ $status }</b>.

## dots

dots-description = Stemmen met stippen over de acties
dots-no-round = Er loopt nu geen stemronde. De coördinator start er een met /stemmen.
dots-how-many = Stemmen met stippen: hoeveel <b>stippen</b> krijgt elk teamlid om te verdelen over de acties?
dots-too-few = Om te stemmen zijn minstens twee acties nodig die nog niet lopen of afgerond zijn. Bedenk acties met /acties.
dots-round-name = Stemronde
dots-started = 🗳 De stemronde is geopend: elk teamlid heeft { $dots } { $dots ->
        [one] stip
       *[other] stippen
    }. { $left ->
        [0] {""}
       *[other] De { $left } minst goed gescoorde acties staan er niet bij: een poll telt hoogstens tien keuzes.
    }
dots-ballot = 🗳 Je hebt <b>{ $dots } { $dots ->
        [one] stip
       *[other] stippen
    }</b>: kies de acties die volgens jou voorrang verdienen (haalbaar, veel impact, veel energie om te trekken).
    { $options }
    Nu gekozen: { $chosen }.
dots-question = Welke acties krijgen voorrang? Kies er hoogstens { $dots }.
dots-menu = Tussenstand bekijken of de ronde afsluiten:
dots-group = 🗳 { $name } opende een stemronde. Stem hieronder: elk teamlid heeft { $dots } { $dots ->
        [one] stip
       *[other] stippen
    }.
dots-closed = Deze stemronde is al afgesloten.
dots-too-many = Je koos { $chosen } acties, maar je hebt { $dots } { $dots ->
        [one] stip
       *[other] stippen
    }. Je stem telt nog niet: pas hem aan.
dots-counted = ✔ Je stippen zijn geteld: { $names }
dots-retracted = Je stem is ingetrokken.
dots-results = <b>Tussenstand</b> ({ $voters } { $voters ->
        [one] stemmer
       *[other] stemmers
    }):
    { $lines }
dots-final = <b>Uitslag van de stemronde</b> ({ $voters } { $voters ->
        [one] stemmer
       *[other] stemmers
    }):
    { $lines }
    De stippen staan nu bij de acties in de /actietabel.
dots-button-results = 📊 Tussenstand
dots-button-close = 🔒 Sluit de stemronde
