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
progress-answers = ✓ { $answers }
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

## legacy

lg-title = legacy canvas
lg-description = Legacy canvas: hoe schalen we op?
lg-statement = Wat is jullie <b>legacy</b>? Een legacy is een bewuste, positieve impact op betekenisvolle schaal, die langer meegaat dan jullie project of zelfs jullie organisatie. Zeg kort en krachtig wat die impact is: jullie <b>legacy statement</b>.
    .label = Legacy statement
    .hint = Denk niet aan wat jullie volgend jaar doen, maar aan wat er blijvend anders moet zijn in jullie gemeente of regio dankzij dit aanbod. Eén zin is genoeg.
    .example = Circulaire productie is de norm.
lg-constraints = Wat houdt jullie tegen op weg naar die legacy? Noem de belangrijkste <b>drempels</b> (constraints).
    .label = Drempels
    .hint = Denk aan tijd en mensen, geld, regelgeving, ruimte, draagvlak bij partners of burgers, of een te kleine markt.
    .example = Te weinig vrijwilligers om op zaterdag open te zijn; geen vaste locatie na 2026.
lg-up = <b>Scaling up</b> (opschalen): meer capaciteit met nieuwe producten of diensten, een groter gebied of nieuwe doelgroepen. Welke concrete acties nemen jullie hiervoor op? Eén actie per regel, of sla over als deze strategie niet past.
    .label = Scaling up
    .hint = Opschalen is de strategie die we het best kennen: je aanbod uitbreiden met nieuwe producten of diensten, geografisch groeien of nieuwe doelgroepen bereiken.
    .example = De materialenbank uitbreiden naar de buurgemeenten. Of als materialenbank ook een dienst aanbieden die de materialen in gebouwen inventariseert.
lg-deep = <b>Scaling deep</b>: een mindshift en gedragsverandering op gang brengen, met communicatie, educatie, de media, een beweging of een beleidsverandering. Welke acties nemen jullie hiervoor op? Eén per regel, of sla over.
    .label = Scaling deep
    .hint = Hier draait het om anders denken en doen: het goede voorbeeld geven, een lokale beweging starten of aanzetten tot ander beleid.
    .example = De fysieke materialenbank koppelen aan een opleiding, of teambuildings geven over werken met gebruikte bouwmaterialen.
lg-out = <b>Scaling out</b>: jullie aanbod en zijn impact overdraagbaar maken, via advies, training, open-sourcing, licenties of herhaling elders. Welke acties nemen jullie hiervoor op? Eén per regel, of sla over.
    .label = Scaling out
    .hint = Anderen doen het na dankzij jullie kennis: deel wat werkt, geef opleiding of stel je materiaal vrij ter beschikking.
    .example = Wat jullie leerden over het opzetten en beheren van een materialenbank delen met regio's die nog aan het begin staan.
lg-down = <b>Scaling down</b>: welke activiteiten dragen niet of nauwelijks bij aan jullie impact en kunnen jullie stoppen, om tijd vrij te maken voor wat echt telt? Eén per regel, of sla over.
    .label = Scaling down
    .hint = Tijd is jullie kostbaarste grondstof. Loslaten wat weinig impact heeft, houdt de focus scherp.
    .example = De materialenbank beperken tot de bouwmaterialen waarvoor er een voldoende grote tweedehandsmarkt is.
lg-saved = ✔ Jullie legacy canvas is bewaard.
lg-summary-title = <b>Legacy canvas — { $project }</b>
lg-summary-statement = 🎯 <b>Legacy statement</b>
lg-summary-constraints = 🚧 <b>Drempels</b>
lg-summary-none = <i>nog niet ingevuld</i>
lg-summary-by = Laatst bijgewerkt door { $name } op { $when }.
lg-summary-tip = Kies de schaalstrategie die het best bij jullie project past; je hoeft ze niet alle vier te gebruiken.
lg-picture-title = Legacy canvas — { $project }
lg-picture-empty = (nog niet ingevuld)
lg-button-edit = ✏️ Een deel aanpassen
lg-pick-part = Welk deel van het legacy canvas wil je aanpassen?
lg-no-canvas = Er is nog geen legacy canvas. Start er een met /legacy.

## communication

cp-title = communicatieplanning
cp-description = Communicatieplan: wie, wat, wanneer?
cp-groups = Welke <b>doelgroepen</b> willen jullie bereiken met jullie aanbod? Stuur ze in één bericht, <b>één per regel</b>, en tik <b>Klaar</b> als de lijst compleet is.
    .label = Doelgroep
    .hint = Een communicatieplan beschrijft wat, hoe en wanneer jullie communiceren naar specifieke doelgroepen om een doel te bereiken. Denk aan wie jullie aanbod gebruikt, wie het nog moet leren kennen en wie jullie moet steunen.
    .example = Buurtbewoners van de Deelfabriek
cp-priority = Hoeveel <b>prioriteit</b> krijgt deze doelgroep?
    .label = Prioriteit
cp-message = Welke <b>boodschap</b> willen jullie deze doelgroep geven?
    .label = Boodschap
    .example = Waarom kopen als je het hier kan lenen? Kom langs en probeer het zelf.
cp-objectives = Wat willen jullie bij deze doelgroep <b>bereiken</b>?
    .label = Doelstellingen
    .hint = Maak het zo concreet mogelijk: wat moet deze doelgroep weten, vinden of doen na jullie communicatie?
    .example = 50 nieuwe leden tegen de zomer, en wie al lid is, komt blijvend terug.
cp-channels = Welke <b>kanalen</b> hebben jullie om deze doelgroep te bereiken?
    .label = Kanalen
    .example = Stadsmagazine, website en sociale media van de stad, buurtwerking, affiches in de bib.
cp-products = Welke <b>communicatieproducten</b> willen jullie maken?
    .label = Communicatieproducten
    .example = Een flyer, een kort filmpje, een artikel in het stadsmagazine.
cp-when = <b>Wanneer</b> voeren jullie deze communicatieactie uit?
    .label = Wanneer
    .hint = Geef een datum; ik bewaar die als deadline zodat de verantwoordelijke er op tijd aan herinnerd kan worden.
    .example = 15/3, eind juni of volgende vrijdag
cp-who = <b>Wie</b> is verantwoordelijk voor deze communicatieactie?
    .label = Verantwoordelijke
    .example = Sara van de communicatiedienst
cp-summary-title = <b>Communicatieplan — { $project }</b>
cp-summary-count = { $count ->
    [one] 1 doelgroep
   *[other] { $count } doelgroepen
}, de hoogste prioriteit eerst.
cp-summary-priority = prioriteit { $priority }
cp-summary-open = <i>nog in te vullen</i>
cp-summary-line = <b>{ $label }:</b> { $value }
cp-summary-tip = Tip: een goed plan zegt per doelgroep wat, hoe en wanneer. Blijf zo nieuwe gebruikers aantrekken.

## improvements

imp-title = verbeterlijst
imp-description = Verbeterlijst: de werking blijvend verbeteren
imp-projects = Jullie aanbod draait nu vast: dit is geen piloot meer. Welke <b>verbeterprojecten</b> zetten jullie op om de dagelijkse werking beter te maken? Stuur ze in één bericht, <b>één per regel</b>, en tik <b>Klaar</b>.
    .label = Verbeterproject
    .hint = Denk aan vier thema's. Innovatie: hoe passen we ons aanbod aan als de omstandigheden veranderen? Mensen en vaardigheden: hoe worden we minder afhankelijk van één of twee mensen, hoe trekken we medewerkers of vrijwilligers aan en welke vaardigheden hebben ze nodig? Processen en systemen: kunnen we standaardiseren of automatiseren, is er extra digitale of fysieke infrastructuur nodig? Communicatie: hoe blijven we nieuwe gebruikers aantrekken?
    .example = Online reservatiesysteem voor de deelpunten
imp-theme = Onder welk <b>thema</b> valt dit verbeterproject?
    .label = Thema
imp-theme-innovation = Innovatie
imp-theme-people = Mensen en vaardigheden
imp-theme-processes = Processen en systemen
imp-theme-communication = Communicatie
imp-theme-innovation-question = hoe blijven we ons aanbod aanpassen aan veranderende omstandigheden?
imp-theme-people-question = hoe worden we minder afhankelijk van één of twee mensen, en welke medewerkers, vrijwilligers en vaardigheden hebben we nodig?
imp-theme-processes-question = wat kunnen we standaardiseren of automatiseren, en welke infrastructuur is nodig?
imp-theme-communication-question = hoe blijven we nieuwe gebruikers aantrekken?
imp-when = <b>Tegen wanneer</b> moet dit verbeterproject klaar zijn?
    .label = Timing
    .hint = Geef een datum; ik bewaar die als deadline zodat de verantwoordelijke er op tijd aan herinnerd kan worden.
    .example = eind september
imp-who = <b>Wie</b> is verantwoordelijk voor dit verbeterproject?
    .label = Verantwoordelijke
    .example = Koen, coördinator van de Deelfabriek
imp-summary-title = <b>Verbeterlijst — { $project }</b>
imp-summary-count = { $count ->
    [one] 1 verbeterproject
   *[other] { $count } verbeterprojecten
}, per thema.
imp-summary-line = { $name } — tegen { $when }, { $who }
imp-summary-open = Nog zonder thema
imp-summary-by = toegevoegd door { $name }
imp-summary-tip = Tip uit de gids: volg de verbeterprojecten gestructureerd op, met hun timing en wie verantwoordelijk is.

## roles

rl-title = rolverdeling
rl-description = Rollen: welke rol neemt het lokaal bestuur op?
rl-role = Welke <b>rol</b> neemt jullie lokaal bestuur op in dit pilootproject? Kies er één; je kan daarna nog andere rollen toevoegen. Tik op <b>Tip</b> voor wat elke rol inhoudt.
    .label = Rol
    .hint = Initiatiefnemer: start het project en brengt de juiste organisaties samen rond een gemeenschappelijk doel. Trekker: coördineert, bewaakt de voortgang, zorgt voor een klimaat van samenwerking en stuurt bij. Waarnemer: volgt de activiteiten op afstand; kan belangrijk zijn voor draagvlak en middelen. Uitvoerder: onderneemt acties en voert taken uit. Draagvlakcreëerder: zorgt voor draagvlak voor het project. Raadgever: adviseert de trekker en de partners vanuit eigen kennis. Inspirator: brengt inspirerende voorbeelden aan. Woordvoerder: verzorgt de communicatie en de pr. Kennisdeler: verzamelt kennis bij de partners en deelt leerlessen, binnen en buiten het project. Fondsenwerver: zoekt middelen en financiële steun. Verschaffer van middelen: geeft zelf middelen, zoals geld, personeelstijd of een locatie. Matchmaker: bouwt bruggen en bemiddelt tussen de partners.
rl-role-initiator = Initiatiefnemer
rl-role-lead = Trekker
rl-role-observer = Waarnemer
rl-role-executor = Uitvoerder
rl-role-support = Draagvlakcreëerder
rl-role-adviser = Raadgever
rl-role-inspirer = Inspirator
rl-role-spokesperson = Woordvoerder
rl-role-knowledge = Kennisdeler
rl-role-fundraiser = Fondsenwerver
rl-role-provider = Verschaffer van middelen
rl-role-matchmaker = Matchmaker
rl-meaning = Wat betekent die rol <b>concreet</b> voor jullie? Eén of twee zinnen volstaan.
    .label = Wat het betekent
    .hint = Kies je rollen bewust bij de start en vertel ze aan de partners die mee hun schouders onder het project zetten. Rollen mogen verschuiven als het project groeit.
    .example = We stellen de loods aan de Vaart gratis ter beschikking en een medewerker voor twee dagen per week.
rl-saved = ✔ De rol <b>{ $role }</b> is vastgelegd.
rl-updated = ✔ De rol <b>{ $role }</b> is bijgewerkt. Eerder stond er: <i>{ $old }</i>
rl-unchanged = De rol <b>{ $role }</b> stond er al zo in.
rl-summary-title = <b>Rollen van het lokaal bestuur — { $project }</b>
rl-summary-since = gekozen door { $who } op { $since }
rl-summary-changed = aangepast door { $who } op { $when }
rl-summary-tip = Vertel je partners welke rollen jullie opnemen. Groeit het project, kijk dan opnieuw: rollen mogen verschuiven.
rl-none = Er zijn nog geen rollen gekozen.
rl-button-another = ➕ Nog een rol
rl-button-drop = ➖ Rol loslaten
rl-button-history = 🕓 Geschiedenis
rl-pick-drop = Welke rol laten jullie los? Wat jullie erover schreven, blijft bewaard in de geschiedenis.
rl-dropped = De rol <b>{ $role }</b> is losgelaten.
rl-history-title = <b>Hoe de rollen veranderden</b>
rl-history-line = { $when }, { $who }: { $what }
rl-history-taken = (opgenomen)
rl-history-dropped = (losgelaten)
## testcard
tc-title = testkaart
tc-description = Een test plannen (testkaart)
tc-name = Hoe heet de test? Een korte naam die iedereen in het team herkent.
    .example = Noden circulaire ondernemer
tc-owner = Wie is verantwoordelijk voor deze test?
    .example = Marie
tc-deadline = Tegen wanneer moet de test klaar zijn?
    .example = eind juni, 15/6, over 3 weken
tc-duration = Hoelang loopt de test?
    .example = 2 weken
tc-hypothesis = <b>Stap 1 — hypothese.</b> Maak de zin af, zo concreet mogelijk: <i>We geloven dat …</i>
    .hint = Eén aanname per testkaart. Kies de aanname die je aanbod het snelst doet slagen of falen.
    .example = onze doelgroep geen zicht heeft op bestaande subsidiekanalen voor circulaire projecten
tc-criticality = Hoe kritisch is deze aanname voor je aanbod?
tc-test = <b>Stap 2 — test.</b> Maak de zin af: <i>Om dit te verifiëren, zullen we …</i>
    .hint = Een afgebakend, concreet experiment met een minimale versie: een pop-up, een presentatie, een moodboard, een filmpje, een kartonnen model.
    .example = enkele bedrijfsleiders uit de regio interviewen
tc-kind = Wat voor test is het?
tc-kind-landing = Landingspagina met oproep
tc-kind-ads = Zoekadvertenties en analytics
tc-kind-interviews = Interviews
tc-kind-survey = Online enquête
tc-kind-preorder = Voorverkoop
tc-kind-crowdfunding = Crowdfunding
tc-kind-ab_test = A/B-test
tc-kind-focus_group = Diepte-interviews of focusgroep
tc-kind-other = Iets anders
tc-cost = Hoeveel kost de test (geld en tijd)?
tc-reliability = Hoe betrouwbaar zijn de gegevens die de test oplevert?
    .hint = Wat mensen doen (een voorinschrijving, een klik) is betrouwbaarder dan wat ze zeggen.
tc-metric = <b>Stap 3 — meten.</b> Maak de zin af: <i>En meten …</i>
    .hint = Welk cijfer bevestigt of weerlegt je hypothese?
    .example = het aandeel geïnterviewden dat inzicht in subsidiekanalen als meerwaarde ziet
tc-time-needed = Hoeveel tijd heb je nodig om dat te meten?
    .example = 3 weken
tc-criteria = <b>Stap 4 — criteria.</b> Maak de zin af: <i>We zijn correct als …</i> Leg vooraf vast wat minimaal moet lukken, met een getal.
    .hint = Zo beoordeel je de resultaten straks niet door een roze bril.
    .example = minstens 6 van de 10 geïnterviewden dat zeggen
tc-criteria-vague = Maak je criteria meetbaar, nog vóór de test start: noem een getal of een aandeel. Bijvoorbeeld: <i>minstens 6 van de 10 geïnterviewden zeggen dat</i>, of <i>minstens 20 voorinschrijvingen</i>.
tc-which-test = Over welke test gaat het? Typ de naam zoals op het bord (/bord).
tc-result-title = resultaat
tc-result-description = Het resultaat van een test noteren
tc-result = Wat was het resultaat? Noem het getal als het kan.
    .example = 7 van de 10 zien het als meerwaarde
tc-learning-title = leerkaart
tc-learning-description = De leerkaart van een test invullen
tc-believed = <b>Leerkaart.</b> <i>We geloofden dat …</i>
tc-observed = <i>We zagen …</i>
    .example = 7 van de 10 bedrijfsleiders kennen de subsidiekanalen niet
tc-learned = <i>Daaruit leerden we …</i>
tc-will = <i>Daarom zullen we …</i>
tc-criteria-title = criteria van een test
tc-criteria-new = Wat worden de nieuwe criteria? <i>We zijn correct als …</i>
tc-status-backlog = Backlog
tc-status-build = Bouwen
tc-status-measure = Meten
tc-status-learn = Leren
tc-status-done = Afgesloten
tc-button-move = ➡️ Naar { $column }
tc-button-result = 📊 Resultaat noteren
tc-button-learning = 📝 Leerkaart
tc-button-close = ✅ Test afsluiten
tc-button-criteria = ✏️ Criteria aanpassen
tc-button-board = 📋 Voortgangsbord
tc-button-full = Testkaart stap voor stap
tc-button-map = 🗺️ Aannamekaart
tc-saved = Testkaart <b>{ $name }</b> staat in de backlog. Zet hem op <i>Bouwen</i> zodra jullie hem voorbereiden.
tc-quick-date-unclear = Ik kan „{ $text }” niet als datum lezen; ik vraag de deadline zo meteen apart.
tc-quick-date-past = „{ $text }” ligt in het verleden; ik vraag de deadline zo meteen apart.
tc-quick-too-long = De { $part } is langer dan { $max } tekens; ik vraag hem zo meteen apart.
tc-part-name = naam
tc-part-owner = verantwoordelijke
tc-part-hypothesis = hypothese
tc-part-test = test
tc-part-metric = meting
tc-part-criteria = criteria
tc-quick-no-bars = Een testkaart in één bericht heeft zeven delen, gescheiden door <code>|</code>:
    <code>/test naam | hypothese | test | meting | criteria | verantwoordelijke | deadline</code>
    Bijvoorbeeld: <code>/test Noden circulaire ondernemer | onze doelgroep heeft geen zicht op subsidiekanalen | enkele bedrijfsleiders interviewen | aandeel dat dit als meerwaarde ziet | minstens 6 van de 10 | Marie | eind juni</code>
    Of typ gewoon /test en ik vraag het stap voor stap.
tc-quick-too-many = Ik tel { $count } delen, maar een testkaart heeft er { $max }: naam | hypothese | test | meting | criteria | verantwoordelijke | deadline. Staat er ergens een <code>|</code> te veel? Er is nog niets bewaard.
tc-not-found = Ik vind geen test „{ $name }” in dit project. Kijk op het bord hoe hij heet.
tc-board-title = Voortgangsbord — { $project }
tc-more = meer
tc-map-title = Aannamekaart — { $project }
tc-map-importance = Belang (kritisch)
tc-map-evidence = Bewijs
tc-evidence-none = Nog geen
tc-evidence-said = Mensen zeiden
tc-evidence-did = Mensen deden
tc-map-high-low = Test dit eerst
tc-map-high-medium = Zoek bewijs in daden
tc-map-high-high = Stevig onderbouwd
tc-map-medium-low = Test hierna
tc-map-medium-medium = Redelijk onderbouwd
tc-map-medium-high = Onderbouwd
tc-map-low-low = Minder dringend
tc-map-low-medium = Minder dringend
tc-map-low-high = Minder dringend
tc-map-empty = Nog geen hypothesen
tc-board-empty = Er staan nog geen tests op het bord. Plan er een met /test.
tc-map-none = Er zijn nog geen hypothesen om op de aannamekaart te zetten. Plan een test met /test.
tc-map-caption = Aannamekaart: elke hypothese volgens belang en bewijs. Rechtsboven staat wat het best onderbouwd is; linksboven wat je eerst moet testen.
tc-result-which = Ik herken de test niet aan het begin van je bericht. Je resultaat hou ik bij.
tc-compare-unclear = Ik kan resultaat en criteria niet als getallen vergelijken.
tc-compare = Vergelijking: { $observed } tegenover { $op } { $wanted }.
tc-result-has-verdict = Deze test heeft al een oordeel.
tc-result-logged = Resultaat van <b>{ $name }</b> genoteerd.
tc-result-versus = Resultaat: <i>{ $result }</i>
    Vooraf vastgelegd: <i>{ $criteria }</i>
tc-verdict-proposed = Mijn voorstel: <b>{ $verdict }</b>. Bevestig het oordeel als team (of kies een ander):
tc-verdict-validated = Gevalideerd
tc-verdict-not_validated = Niet gevalideerd
tc-verdict-unclear = Onduidelijk
tc-verdict-already = Dat oordeel staat er al.
tc-verdict-set = Oordeel: <b>{ $verdict }</b>. De test staat nu op <i>Leren</i>.
tc-next-validated = Volgende stap volgens de gids: ga door naar de volgende stap van je pilot.
tc-next-not_validated = Volgende stap volgens de gids: terug naar het waardepropositiecanvas. Pas je aanbod aan (itereren) of sla een andere richting in (pivoteren), en test opnieuw.
tc-next-unclear = Volgende stap volgens de gids: ontwerp een nieuwe test die wel uitsluitsel geeft.
tc-learning-saved = Leerkaart bewaard. Sluit de test af wanneer het team klaar is.
tc-closed = Deze test is al afgesloten.
tc-criteria-same = Dat zijn dezelfde criteria; er verandert niets.
tc-criteria-changed = Criteria aangepast.
tc-criteria-changed-locked = Criteria aangepast. Omdat de test al liep, blijft de oorspronkelijke tekst zichtbaar op de kaart.
tc-criteria-warning = Let op: deze test loopt al, dus de criteria liggen vast. Pas je ze toch aan, dan blijft de oude tekst zichtbaar op de kaart, met wie en wanneer.
tc-already-there = De test staat al op <i>{ $column }</i>.
tc-moved = <b>{ $name }</b> staat nu op <i>{ $column }</i>.
tc-criteria-locked = 🔒 De criteria liggen nu vast.
tc-close-needs-learning = Een test sluit je pas af met een leerkaart: wat geloofden jullie, wat zagen jullie, wat leerden jullie en wat gaan jullie nu doen?
tc-closed-now = <b>{ $name }</b> is afgesloten. Goed gedaan!
tc-board-description = Het voortgangsbord van je tests
tc-map-description = De aannamekaart (belang en bewijs)
tc-card-owner = Verantwoordelijke: { $owner } · deadline: { $deadline }
tc-card-duration = duur: { $duration }
tc-card-hypothesis = We geloven dat <i>{ $text }</i>
tc-card-criticality = kritisch: { $level }
tc-card-test = Om dit te verifiëren, zullen we <i>{ $text }</i>
tc-card-cost = kost: { $level }
tc-card-reliability = betrouwbaarheid: { $level }
tc-card-metric = En meten <i>{ $text }</i>
tc-card-time = tijd: { $time }
tc-card-criteria = We zijn correct als <i>{ $text }</i>
tc-card-criteria-changed = Criteria gewijzigd tijdens de test door { $who } op { $when }. Oorspronkelijk: <i>{ $old }</i>
tc-card-result-label = Resultaat:
tc-card-learning-label = Leerkaart
tc-card-believed = We geloofden dat <i>{ $text }</i>
tc-card-observed = We zagen <i>{ $text }</i>
tc-card-learned = Daaruit leerden we <i>{ $text }</i>
tc-card-will = Daarom zullen we <i>{ $text }</i>
tc-board-heading = <b>Voortgangsbord — { $project }</b>
tc-board-column-empty = leeg
tc-board-tip = Tip uit de gids: test goedkoop met een minimale versie, en leg je criteria vast vóór de test loopt.
tc-completed = De ontbrekende details staan nu op de kaart.
tc-button-complete = ➕ Details aanvullen
tc-board-hypothesis = ↳ we geloven dat <i>{ $text }</i>
tc-details-title = details van een test
tc-board-caption = Het voortgangsbord: Backlog → Bouwen → Meten → Leren.
tc-stem-only = Maak de zin af met je eigen woorden: wat volgt er na de openingswoorden?
tc-card-by = testkaart van { $name }
## reminders
rem-command = Herinneringen: stille uren, werkdagen, tijdzone
rem-before = ⏰ Binnenkort: <b>{ $label }</b> ({ $tool }, { $project }) staat op { $date }, nog { $days ->
    [one] 1 dag
   *[other] { $days } dagen
 }.
rem-due = 📌 Vandaag: <b>{ $label }</b> ({ $tool }, { $project }) staat op vandaag, { $date }. Gelukt? Duid het hieronder aan.
rem-result = 📌 Vandaag: <b>{ $label }</b> ({ $tool }, { $project }). Tijd om het resultaat te noteren: tik op de eerste knop.
rem-escalation = ⚠️ <b>{ $label }</b> ({ $tool }, { $project }) van { $owner } is { $overdue ->
    [one] 1 dag
   *[other] { $overdue } dagen
 } over tijd (deadline { $date }). Neem je even contact op?
rem-button-done = ✅ Gedaan
rem-button-skip = Overslaan
rem-button-day = 💤 Morgen opnieuw
rem-button-week = 💤 Over een week
rem-button-result = ✍️ Resultaat nu invullen
rem-done = ✅ Afgevinkt. Goed bezig!
rem-skipped = Oké, deze herinnering laat ik vallen.
rem-snoozed = 💤 Ik herinner je opnieuw op { $date } om { $time }.
rem-already = Deze herinnering is al afgehandeld.
rem-quiet-none = geen
rem-settings-mine = <b>Jouw herinneringen</b>
    Stille uren: { $quiet }
    Werkdagen: { $days }
    Uur van herinneringen: { $time }
    Tijdzone: { $zone }
rem-settings-team = <b>Team { $team }</b>
    Herinnering vooraf: { $before } werkdagen voor de deadline
    Naar de coördinator na: { $escalation } dagen over tijd
    Weekoverzicht op: { $digest }
rem-settings-how = Aanpassen? Typ bijvoorbeeld:
    /herinneringen stil 21:00-08:00
    /herinneringen werkdagen ma-do
    /herinneringen uur 9:30
    /herinneringen tijdzone Europe/Brussels
    Coördinatoren: /herinneringen vooraf 3, /herinneringen escalatie 5, /herinneringen overzicht maandag (of uit)
rem-settings-unknown = Dat begrijp ik niet helemaal. Zo zien je instellingen er nu uit:
rem-settings-saved = Opgeslagen.
rem-bad-quiet = Geef de stille uren als begin en einde, bijvoorbeeld: /herinneringen stil 21:00-08:00 (of: stil uit).
rem-bad-days = Geef je werkdagen zo: /herinneringen werkdagen ma-vr of werkdagen ma,di,do.
rem-bad-time = Geef een uur zoals 9:00 of 14:30.
rem-bad-zone = Die tijdzone ken ik niet. Probeer bijvoorbeeld Europe/Brussels.
rem-bad-before = Geef een aantal werkdagen van 0 tot 30, bijvoorbeeld: /herinneringen vooraf 2.
rem-bad-escalation = Geef een aantal dagen van 0 tot 30 (0 = nooit), bijvoorbeeld: /herinneringen escalatie 3.
rem-bad-digest = Geef een dag (maandag … zondag) of uit, bijvoorbeeld: /herinneringen overzicht maandag.
rem-day-1 = maandag
rem-day-2 = dinsdag
rem-day-3 = woensdag
rem-day-4 = donderdag
rem-day-5 = vrijdag
rem-day-6 = zaterdag
rem-day-7 = zondag
digest-title = 🗓️ <b>Weekoverzicht { $project }</b>
digest-quiet = Geen deadlines deze week. Tijd om een volgende stap te plannen?
digest-overdue = Over tijd ({ $count })
digest-due = Deze week te doen ({ $count })
digest-done = Gedaan ({ $count })
digest-news = Nieuwe metingen
digest-more = … en nog { $count } (zie details)
digest-button-details = Details

## indicators
ind-title = indicatoren
ind-description = Indicatoren: meet je voortgang
ind-type = Wat voor indicator wil je toevoegen? (Figuur 10 uit de gids)
    .hint = <b>Input</b>: wat je inzet (personeel, budget). <b>Output</b>: directe resultaten (deelnemers, vragen aan het loket). <b>Outcome</b>: effecten bij wie betrokken is (kennis, samenwerkingen). <b>Impact</b>: verandering in de samenleving (minder restafval).
ind-type-input = Input (middelen)
ind-type-output = Output (directe resultaten)
ind-type-outcome = Outcome (effecten)
ind-type-impact = Impact (maatschappelijke verandering)
ind-example = Kies een voorbeeld uit de gids, of maak je eigen indicator.
ind-ex-staff = Personeel (VTE)
ind-ex-investments = Investeringen
ind-ex-costs = Kosten
ind-ex-budget = Budget voor circulaire economie
ind-ex-participants = Aantal deelnemers aan lokale CE-initiatieven
ind-ex-questions = Aantal vragen aan het circulaire loket
ind-ex-satisfaction = Tevredenheid over het advies
ind-ex-downloads = Aantal downloads van de strategie
ind-ex-knowledge = Kennisniveau van lokale stakeholders
ind-ex-partnerships = Aantal samenwerkingen en partnerschappen
ind-ex-pilots = Aantal opgestarte circulaire pilootprojecten en aankooptrajecten
ind-ex-legislation = Aangepaste regelgeving
ind-ex-footprint = Daling van de materiaalvoetafdruk
ind-ex-waste = Restafval per inwoner
ind-ex-repair = Herstelgraad van producten
ind-ex-network = Een blijvend lokaal netwerk
ind-ex-own = ✏️ Eigen indicator
ind-own = Beschrijf je indicator in één zin.
    .example = Aantal bezoekers van het repaircafé
ind-unit = In welke eenheid meet je?
    .example = aantal, %, kg per inwoner, euro, VTE
ind-baseline = Wat is de beginwaarde (nulmeting)? Typ een getal, of sla over als je die nog niet kent.
ind-target = Welke streefwaarde wil je halen? Typ een getal.
    .example = 100
ind-target-date = Tegen wanneer wil je die streefwaarde halen?
    .example = eind 2027
ind-instrument = Hoe meet je het?
ind-instrument-survey = Enquête
ind-instrument-interview = Interview
ind-instrument-focus_group = Focusgroep
ind-instrument-observation = Observatie
ind-instrument-expert = Expertenanalyse
ind-instrument-media = Media-analyse
ind-instrument-figures = Cijfers bijhouden en analyseren
ind-owner = Wie geeft de metingen door? Typ de naam van een teamlid, of sla over als jij dat doet.
ind-rhythm = Hoe vaak rapporteer je de waarde?
ind-rhythm-monthly = Maandelijks
ind-rhythm-quarterly = Per kwartaal
ind-rhythm-yearly = Jaarlijks
ind-rhythm-dates = Op vaste data
ind-dates = Op welke data? Scheid ze met komma's.
    .example = 1 maart, 1 september, 15 december
ind-dates-bad = Die data begrijp ik niet allemaal. Geef ze gescheiden door komma's, bijvoorbeeld: 1 maart, 1 september (hoogstens 24).
ind-checkin-title = meting
ind-checkin-value = Welke waarde heb je gemeten? Typ een getal.
ind-checkin-note = Wil je er een korte toelichting of een link bij zetten? Of sla over.
ind-saved = ✅ Indicator <b>{ $name }</b> bewaard. { $owner } krijgt een bericht om de waarde door te geven; de eerste meting staat op { $date }.
ind-button-measure = ✍️ Waarde doorgeven
ind-button-chart = 📈 Grafiek
ind-button-all = Alle indicatoren
ind-status = <b>{ $name }</b>: laatste waarde { $last } { $unit }, doel { $target } { $unit } tegen { $date }.
ind-checkin-intro = Meting voor { $status }
ind-checkin-which = Voor welke indicator is dit? Kies er een via /meting.
ind-checkin-saved = 📊 Bewaard: <b>{ $name }</b> = { $value } { $unit }.
ind-progress = Je zit op { $percent }% van de weg naar { $target } { $unit } (tegen { $date }).
ind-next = Volgende meting: { $date }.
ind-none = Nog geen indicatoren. Voeg er een toe met /indicatoren.
ind-pick = Voor welke indicator geef je een waarde door?
ind-measure-command = Geef een meetwaarde door
ind-chart-empty = Nog geen metingen voor { $name }: er valt nog niets te tekenen.
ind-chart-target = Doel
ind-chart-baseline = Beginwaarde
ind-chart-measured = Gemeten
ind-chart-caption = Verloop van { $name }
ind-summary-title = <b>Indicatoren — { $project }</b>
ind-summary-target = doel { $target } tegen { $date }
ind-summary-latest = laatst: { $value } ({ $date })
ind-summary-no-value = nog geen meting
ind-summary-how = { $instrument }, door { $owner }, { $rhythm }
ind-summary-next = volgende: { $date }
ind-digest-line = { $name }: { $value } { $unit } ({ $by })

## report
report-command = Rapport volgens het rapportagesjabloon van de gids
report-title = 📄 <b>Rapport { $project }</b> — { $date }
report-governance = Strategie en governance
report-team = Team { $team } ({ $track }): { $members } leden, coördinatie door { $coordinators }.
report-rhythm = Vaste opvolging: herinneringen { $before } werkdagen voor elke deadline, de coördinator hoort het na { $escalation } dagen vertraging.
report-digest = Elke { $day } een weekoverzicht.
report-group = De teamgroep in Telegram krijgt de updates.
report-actions = Belangrijkste acties: voortgang, impact en knelpunten
report-actions-count = { $total } acties met een datum: { $done } gedaan, { $overdue } over tijd.
report-obstacles = Knelpunten: { $count ->
    [one] 1 actie is
   *[other] { $count } acties zijn
 } over tijd. Wat houdt ze tegen?
report-no-actions = Nog geen acties met een datum.
report-targets = Publieke doelstellingen
report-target-line = doel { $target } { $unit } tegen { $date }
report-latest = laatst { $value } ({ $progress }%)
report-no-targets = Nog geen doelstellingen: voeg indicatoren toe met /indicatoren.
report-monitoring = Het monitoringsysteem
report-no-monitoring = Nog geen indicatoren. Kies een beheersbare set met /indicatoren.
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

## testcard → legacy
tc-ready-to-scale = 🎉 Alle kritieke hypotheses van jullie piloot zijn gevalideerd. Tijd om na te denken over opschalen: wat moet jullie piloot blijvend nalaten, en langs welke weg: scaling up, deep, out of down?
tc-button-legacy = Legacy canvas openen
