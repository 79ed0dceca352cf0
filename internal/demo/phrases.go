package demo

// Phrases every topic shares: the organisation's name, generic sentences, subheadings,
// and the set pieces of press releases, photo reports and bylines.

// orgName is the invented organisation that publishes the demo site.
var orgName = tri{"La Ronce", "De Braam", "La Ronce-De Braam"}

var weekdays = []tri{
	{"lundi", "maandag", "Monday"}, {"mardi", "dinsdag", "Tuesday"},
	{"mercredi", "woensdag", "Wednesday"}, {"jeudi", "donderdag", "Thursday"},
	{"vendredi", "vrijdag", "Friday"}, {"samedi", "zaterdag", "Saturday"},
}

var genericQuotes = []tri{
	{"Ce n'est qu'un début", "Dit is nog maar het begin", "This is only the beginning"},
	{"On ne demande pas la charité, on demande la justice", "We vragen geen liefdadigheid, we vragen rechtvaardigheid", "We are not asking for charity; we are asking for justice"},
	{"Ici, tout le monde connaît quelqu'un qui est touché", "Hier kent iedereen wel iemand die getroffen is", "Everyone here knows someone who is affected"},
	{"Quand on se bat ensemble, on gagne", "Wie samen strijdt, wint", "When we fight together, we win"},
}

// genericSentences fit any topic; they fill the paragraphs between the topic's own.
var genericSentences = []tri{
	{"« {quote} », explique {name}, {role}.", "\"{quote}\", zegt {name}, {role}.", "\"{quote},\" says {name}, {role}."},
	{"Pour {org}, la question dépasse largement ce seul dossier.", "Voor {org} gaat de kwestie veel verder dan dit ene dossier.", "For {org}, the issue goes far beyond this one case."},
	{"Les prochaines semaines seront décisives.", "De komende weken worden beslissend.", "The coming weeks will be decisive."},
	{"Une assemblée générale est prévue {day} soir pour décider de la suite.", "{day}avond is er een algemene vergadering om over het vervolg te beslissen.", "A general meeting on {day} evening will decide what happens next."},
	{"Rien n'a jamais été obtenu sans rapport de force, rappellent {actors}.", "Zonder krachtsverhouding werd nooit iets bereikt, zeggen {actors}.", "Nothing was ever won without a fight, {actors} point out."},
	{"Selon les chiffres rassemblés par {org}, plus de {big} personnes sont directement concernées.", "Volgens cijfers van {org} zijn meer dan {big} mensen rechtstreeks betrokken.", "According to figures gathered by {org}, more than {big} people are directly affected."},
	{"Du côté des autorités, on se contente pour l'instant d'un communiqué laconique.", "De overheid houdt het voorlopig bij een kort persbericht.", "The authorities have so far issued only a terse statement."},
	{"{name} ne décolère pas : « {quote} ».", "{name} is boos: \"{quote}\".", "{name} is angry: \"{quote}.\""},
	{"Les grands médias n'en ont presque rien dit.", "De grote media berichtten er nauwelijks over.", "The mainstream media have barely covered it."},
	{"Une collecte de solidarité a déjà rapporté {big} euros.", "Een solidariteitsinzameling bracht al {big} euro op.", "A solidarity collection has already raised {big} euros."},
	{"Le mouvement a reçu le soutien de {n} associations et de plusieurs centrales syndicales.", "De beweging kreeg de steun van {n} verenigingen en verschillende vakbondscentrales.", "The movement has won the support of {n} associations and several union federations."},
	{"Personne ne s'attendait à une telle mobilisation.", "Niemand had zo'n mobilisatie verwacht.", "Nobody expected such a turnout."},
	{"{name}, {role}, résume l'état d'esprit général : « {quote} ».", "{name}, {role}, vat de algemene stemming samen: \"{quote}\".", "{name}, {role}, sums up the general mood: \"{quote}.\""},
	{"Interrogé, le cabinet concerné n'a pas donné suite à nos questions.", "Het betrokken kabinet reageerde niet op onze vragen.", "The minister's office did not respond to our questions."},
	{"D'autres actions sont déjà annoncées pour le mois prochain.", "Voor volgende maand zijn al nieuwe acties aangekondigd.", "Further action is already planned for next month."},
	{"Sur place, l'ambiance était à la fois déterminée et joyeuse.", "Ter plaatse was de sfeer vastberaden en vrolijk tegelijk.", "On the ground, the mood was both determined and joyful."},
	{"Les témoignages recueillis par {org} dessinent un tableau accablant.", "De getuigenissen die {org} verzamelde, schetsen een vernietigend beeld.", "The testimonies gathered by {org} paint a damning picture."},
	{"Il y a {k} ans déjà, une mobilisation semblable avait permis d'arracher des avancées.", "Al {k} jaar geleden leverde een gelijkaardige mobilisatie winst op.", "As long as {k} years ago, a similar campaign won real gains."},
	{"La solidarité dépasse désormais la frontière linguistique.", "De solidariteit overstijgt intussen de taalgrens.", "Solidarity now crosses the language border."},
	{"Pour {name}, une chose est sûre : le combat continue.", "Voor {name} staat één ding vast: de strijd gaat door.", "For {name}, one thing is certain: the fight goes on."},
	{"Tout le monde s'accorde sur un point : le statu quo n'est plus tenable.", "Over één punt is iedereen het eens: de status quo is onhoudbaar.", "Everyone agrees on one thing: the status quo cannot hold."},
	{"Les élus locaux, eux, restent étrangement silencieux.", "De lokale verkozenen blijven opvallend stil.", "Local politicians, meanwhile, have been strangely quiet."},
	{"Faut-il s'en étonner ? Pas vraiment.", "Moet dat verbazen? Niet echt.", "Should that surprise anyone? Not really."},
	{"{actors} le savent : sans organisation, rien ne bougera.", "{actors} weten het: zonder organisatie verandert er niets.", "{actors} know it: without organisation, nothing will change."},
	{"La mobilisation ne date pas d'hier.", "De mobilisatie is niet van gisteren.", "The campaign did not start yesterday."},
	{"Sur les réseaux sociaux, les messages de soutien se multiplient.", "Op sociale media stromen de steunbetuigingen binnen.", "Messages of support are pouring in on social media."},
	{"{name}, {role}, a accepté de nous raconter son quotidien.", "{name}, {role}, wilde ons over het dagelijkse leven vertellen.", "{name}, {role}, agreed to tell us about daily life."},
	{"Les chiffres officiels, eux, racontent une autre histoire.", "De officiële cijfers vertellen een ander verhaal.", "The official figures tell a different story."},
	{"Plusieurs parlementaires ont promis de porter la question à la Chambre.", "Verschillende parlementsleden beloofden de kwestie in de Kamer aan te kaarten.", "Several MPs have promised to raise the issue in parliament."},
	{"Une réunion de concertation s'est terminée sans résultat {day} soir.", "Een overlegvergadering eindigde {day}avond zonder resultaat.", "Talks broke up without result on {day} evening."},
	{"« {quote} », lance {name} sous les applaudissements.", "\"{quote}\", roept {name} onder luid applaus.", "\"{quote},\" {name} called out to applause."},
	{"Le rapport de force se construit sur la durée.", "Een krachtsverhouding bouw je op lange termijn op.", "Building strength takes time."},
	{"Les syndicats des deux côtés de la frontière linguistique ont affiché un front commun.", "De vakbonden aan beide kanten van de taalgrens vormden een gemeenschappelijk front.", "Unions on both sides of the language border presented a united front."},
	{"Dans les quartiers populaires, l'inquiétude est palpable.", "In de volkswijken is de ongerustheid voelbaar.", "In working-class neighbourhoods, the worry is palpable."},
	{"Une délégation a été reçue {day} matin, sans obtenir d'engagement concret.", "Een delegatie werd {day}ochtend ontvangen, zonder concrete toezeggingen.", "A delegation was received on {day} morning but got no firm commitment."},
	{"Les organisateurs annoncent déjà un prochain rendez-vous.", "De organisatoren kondigen al een volgende afspraak aan.", "The organisers have already announced the next date."},
	{"Pour beaucoup, c'était une première manifestation.", "Voor velen was het hun eerste betoging.", "For many, it was their first demonstration."},
	{"Le soutien de la population ne se dément pas.", "De steun van de bevolking blijft overeind.", "Public support is holding up."},
	{"{name} se souvient très bien du jour où tout a commencé.", "{name} herinnert zich nog goed de dag waarop alles begon.", "{name} remembers the day it all started very well."},
	{"La presse régionale a largement relayé l'événement.", "De regionale pers besteedde er ruim aandacht aan.", "The regional press covered the event widely."},
	{"Une pétition en ligne a déjà recueilli {big} signatures.", "Een onlinepetitie verzamelde al {big} handtekeningen.", "An online petition has already gathered {big} signatures."},
	{"Ce n'est pas la première fois que la question se pose.", "Het is niet de eerste keer dat die vraag rijst.", "This is not the first time the question has come up."},
	{"Les arguments avancés par les autorités ne convainquent personne.", "De argumenten van de overheid overtuigen niemand.", "The authorities' arguments convince nobody."},
	{"Une fête de soutien est prévue {day} dans une salle du centre-ville.", "{day} is er een steunfeest in een zaal in het centrum.", "A benefit party is planned for {day} in a hall in the town centre."},
	{"{actors} ont reçu des messages de solidarité venus de toute l'Europe.", "{actors} kregen solidariteitsberichten uit heel Europa.", "{actors} have received messages of solidarity from all over Europe."},
	{"Reste à savoir combien de temps le gouvernement pourra ignorer la colère.", "De vraag is hoe lang de regering de woede nog kan negeren.", "The question is how long the government can go on ignoring the anger."},
	{"Les jeunes étaient nombreux dans les rangs.", "Er liepen veel jongeren mee.", "There were many young people in the ranks."},
	{"« {quote} » : la phrase revient dans toutes les conversations.", "\"{quote}\": die zin hoor je in elk gesprek.", "\"{quote}\": the phrase comes up in every conversation."},
}

var subheads = []tri{
	{"Un mouvement qui s'élargit", "Een beweging die groeit", "A growing movement"},
	{"La réponse des autorités", "Het antwoord van de overheid", "How the authorities responded"},
	{"Et maintenant ?", "En nu?", "What next?"},
	{"Des chiffres qui parlent", "Cijfers die spreken", "The figures speak"},
	{"La solidarité s'organise", "De solidariteit komt op gang", "Solidarity gets organised"},
	{"Un choix politique", "Een politieke keuze", "A political choice"},
	{"Sur le terrain", "Op het terrein", "On the ground"},
	{"Ce que demandent {actors}", "Wat {actors} eisen", "What {actors} want"},
	{"Les prochaines étapes", "De volgende stappen", "The next steps"},
	{"Un peu d'histoire", "Wat geschiedenis", "Some history"},
}

// blockQuote sets a quotation apart, attributed to the story's second voice.
var blockQuote = tri{
	"> « {quote}. »\n>\n> — {name2}, {role2}",
	"> \"{quote}.\"\n>\n> — {name2}, {role2}",
	"> \"{quote}.\"\n>\n> — {name2}, {role2}",
}

var listIntros = []tri{
	{"Leurs principales revendications :", "Hun belangrijkste eisen:", "Their main demands:"},
	{"Ce que réclame le mouvement :", "Wat de beweging eist:", "What the movement wants:"},
}

// genericDemands complete a topic's own when a list needs more items.
var genericDemands = []tri{
	{"l'ouverture immédiate de négociations", "onmiddellijke onderhandelingen", "immediate negotiations"},
	{"aucune sanction contre les grévistes", "geen sancties tegen de stakers", "no sanctions against strikers"},
	{"la transparence sur les chiffres", "openheid over de cijfers", "transparency about the figures"},
}

// Two kinds of tables: turnout by town, and pay claims by sector.
var (
	turnoutIntro  = tri{"Participation aux actions de {day}, selon les organisateurs :", "Opkomst bij de acties van {day}, volgens de organisatoren:", "Turnout at {day}'s actions, according to the organisers:"}
	turnoutHeader = [2]tri{{"Ville", "Stad", "Town"}, {"Participants", "Deelnemers", "Participants"}}
	sectorIntro   = tri{"Les hausses réclamées, secteur par secteur :", "De gevraagde verhogingen, sector per sector:", "The rises demanded, sector by sector:"}
	sectorHeader  = [2]tri{{"Secteur", "Sector", "Sector"}, {"Hausse demandée", "Gevraagde verhoging", "Rise demanded"}}
	sectors       = []tri{
		{"Nettoyage", "Schoonmaak", "Cleaning"}, {"Logistique", "Logistiek", "Logistics"},
		{"Soins de santé", "Gezondheidszorg", "Healthcare"}, {"Commerce", "Handel", "Retail"},
		{"Métal", "Metaal", "Metalworking"}, {"Horeca", "Horeca", "Hospitality"},
	}
)

var footnotes = []tri{
	{"Chiffres communiqués par les organisations syndicales, non confirmés par la police.", "Cijfers van de vakbonden, niet bevestigd door de politie.", "Figures from the unions, not confirmed by the police."},
	{"Les noms ont été modifiés à la demande des intéressés.", "De namen zijn op verzoek van de betrokkenen veranderd.", "Names have been changed at the request of those concerned."},
	{"Calcul de la rédaction sur la base de données publiques.", "Berekening van de redactie op basis van openbare gegevens.", "Our own calculation from public data."},
}

var pressOpenings = []tri{
	{"{org} soutient pleinement {actors} et appelle à les rejoindre {day}.", "{org} steunt {actors} volledig en roept op om zich {day} bij hen aan te sluiten.", "{org} gives its full support to {actors} and calls on everyone to join them on {day}."},
	{"{org} condamne fermement cette décision et exige l'ouverture immédiate de négociations.", "{org} veroordeelt deze beslissing scherp en eist onmiddellijke onderhandelingen.", "{org} strongly condemns this decision and demands immediate negotiations."},
	{"{org} dénonce une attaque sans précédent contre les droits fondamentaux.", "{org} klaagt een ongeziene aanval op de grondrechten aan.", "{org} denounces an unprecedented attack on fundamental rights."},
}

var pressClosings = []tri{
	{"Un rassemblement aura lieu {day} à 12 h 30, à l'appel de {org} et de nombreuses associations.", "{day} om 12.30 uur is er een samenkomst, op oproep van {org} en tal van verenigingen.", "A rally will take place on {day} at 12.30, called by {org} and many other groups."},
	{"Les journalistes peuvent contacter le service de presse pour toute demande d'interview.", "Journalisten kunnen voor interviews contact opnemen met de persdienst.", "Journalists may contact the press office to arrange interviews."},
	{"Des photos en haute résolution sont disponibles sur demande.", "Foto's in hoge resolutie zijn op aanvraag beschikbaar.", "High-resolution photos are available on request."},
}

var embargoNote = tri{
	"**Embargo :** ce communiqué ne peut être publié avant la date et l'heure indiquées.",
	"**Embargo:** dit persbericht mag niet vóór de aangegeven datum en tijd worden gepubliceerd.",
	"**Embargo:** this release may not be published before the date and time shown.",
}

var photoSentences = []tri{
	{"Notre photographe a suivi {actors} tout au long de la journée.", "Onze fotograaf volgde {actors} de hele dag.", "Our photographer followed {actors} throughout the day."},
	{"Banderoles, chants, visages : retour en images sur une journée pas comme les autres.", "Spandoeken, liederen, gezichten: een terugblik in beeld op een bijzondere dag.", "Banners, songs, faces: a look back in pictures at a day like no other."},
	{"Les photos peuvent être reprises librement en citant leur auteur.", "De foto's mogen vrij worden overgenomen met vermelding van de fotograaf.", "The photos may be reused freely with credit to the photographer."},
}

// photoTitles head photo reports, whatever their topic: pictures show people and places.
var photoTitles = []tri{
	{"En images : {actors} dans la rue {at_place}", "In beeld: {actors} op straat {at_place}", "In pictures: {actors} on the streets {at_place}"},
	{"Reportage photo : une journée avec {actors}", "Fotoreportage: een dag met {actors}", "Photo report: a day with {actors}"},
	{"Retour en images sur la manifestation de {day} {at_place}", "Terugblik in beeld op de betoging van {day} {at_place}", "{day}'s demonstration {at_place} in pictures"},
	{"Portraits : {actors}, {k} visages d'une lutte", "Portretten: {actors}, {k} gezichten van een strijd", "Portraits: {actors}, {k} faces of a struggle"},
	{"« {quote} » : un reportage photo", "\"{quote}\": een fotoreportage", "\"{quote}\": a photo report"},
	{"{k} photos pour comprendre la mobilisation {at_place}",
		"{k} foto's om de mobilisatie {at_place} te begrijpen",
		"{k} photos to understand the campaign {at_place}"},
	{"Derrière les banderoles, {actors}", "Achter de spandoeken: {actors}", "Behind the banners: {actors}"},
	{"Journal de bord : un {day} avec {actors}", "Logboek in beeld: een {day} met {actors}", "Photo diary: a {day} with {actors}"},
	{"Visages de la solidarité {at_place}", "Gezichten van de solidariteit {at_place}", "Faces of solidarity {at_place}"},
	{"En noir et blanc : {actors}, de l'aube à la nuit",
		"In zwart-wit: {actors}, van de ochtend tot de avond",
		"In black and white: {actors} from dawn to dusk"},
}

// Links and bylines.
var (
	readAlso     = tri{"Lire aussi : ", "Lees ook: ", "See also: "}
	pressByline  = tri{"Service de presse de {org}", "Persdienst van {org}", "{org} press office"}
	homeByline   = tri{"par notre correspondant {at_place}|par notre correspondante {at_place}", "van onze correspondent {at_place}|van onze correspondente {at_place}", "by our correspondent {at_place}"}
	abroadByline = tri{"par notre correspondant à {capital}|par notre correspondante à {capital}", "van onze correspondent in {capital}|van onze correspondente in {capital}", "by our correspondent in {capital}"}
)
