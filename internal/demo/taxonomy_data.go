package demo

// The site's fixed structure: sections, tags, dossiers and the kinds of people who write.

type sectionSpec struct {
	key, parent string
	names, desc tri
}

// sectionSpecs lists parents before their children.
var sectionSpecs = []sectionSpec{
	{"belgique", "", tri{"Belgique", "België", "Belgium"}, tri{
		"L'actualité sociale en Belgique, de Bruxelles à la Wallonie et à la Flandre.",
		"Sociaal nieuws uit België, van Brussel tot Wallonië en Vlaanderen.",
		"Social news from Belgium, from Brussels to Wallonia and Flanders."}},
	{"bruxelles", "belgique", tri{"Bruxelles", "Brussel", "Brussels"}, tri{}},
	{"wallonie", "belgique", tri{"Wallonie", "Wallonië", "Wallonia"}, tri{}},
	{"flandre", "belgique", tri{"Flandre", "Vlaanderen", "Flanders"}, tri{}},
	{"international", "", tri{"International", "Internationaal", "International"}, tri{
		"Les luttes et la solidarité au-delà des frontières.",
		"Strijd en solidariteit over de grenzen heen.",
		"Struggles and solidarity across borders."}},
	{"europe", "international", tri{"Europe", "Europa", "Europe"}, tri{}},
	{"afrique", "international", tri{"Afrique", "Afrika", "Africa"}, tri{}},
	{"amerique-latine", "international", tri{"Amérique latine", "Latijns-Amerika", "Latin America"}, tri{}},
	{"moyen-orient", "international", tri{"Moyen-Orient", "Midden-Oosten", "Middle East"}, tri{}},
	{"asie", "international", tri{"Asie", "Azië", "Asia"}, tri{}},
	{"travail", "", tri{"Travail", "Werk", "Work"}, tri{
		"Emploi, salaires, conditions de travail et droits syndicaux.",
		"Werk, lonen, arbeidsvoorwaarden en vakbondsrechten.",
		"Jobs, wages, working conditions and union rights."}},
	{"climat", "", tri{"Climat", "Klimaat", "Climate"}, tri{
		"Écologie et justice sociale.", "Ecologie en sociale rechtvaardigheid.", "Ecology and social justice."}},
	{"culture", "", tri{"Culture", "Cultuur", "Culture"}, tri{
		"Livres, films, musique et mémoire ouvrière.",
		"Boeken, films, muziek en arbeidersgeheugen.",
		"Books, films, music and working-class memory."}},
	{"opinion", "", tri{"Opinion", "Opinie", "Opinion"}, tri{
		"Cartes blanches, éditoriaux et débats.", "Opiniestukken, editorialen en debatten.", "Opinion pieces, editorials and debates."}},
}

type tagSpec struct {
	key   string
	names tri
}

var tagSpecs = []tagSpec{
	{"greve", tri{"grève", "staking", "strike"}},
	{"droits-syndicaux", tri{"droits syndicaux", "vakbondsrechten", "union rights"}},
	{"emploi", tri{"emploi", "werkgelegenheid", "jobs"}},
	{"manifestation", tri{"manifestation", "betoging", "demonstrations"}},
	{"fermeture", tri{"fermeture d'entreprise", "bedrijfssluiting", "plant closures"}},
	{"metallurgie", tri{"métallurgie", "metaalsector", "metalworking"}},
	{"salaires", tri{"salaires", "lonen", "wages"}},
	{"pouvoir-achat", tri{"pouvoir d'achat", "koopkracht", "cost of living"}},
	{"services-publics", tri{"services publics", "openbare diensten", "public services"}},
	{"sante", tri{"santé", "gezondheidszorg", "healthcare"}},
	{"enseignement", tri{"enseignement", "onderwijs", "education"}},
	{"transports-publics", tri{"transports publics", "openbaar vervoer", "public transport"}},
	{"pensions", tri{"pensions", "pensioenen", "pensions"}},
	{"logement", tri{"logement", "wonen", "housing"}},
	{"loyers", tri{"loyers", "huurprijzen", "rents"}},
	{"expulsions", tri{"expulsions", "uithuiszettingen", "evictions"}},
	{"sans-papiers", tri{"sans-papiers", "mensen zonder papieren", "undocumented migrants"}},
	{"regularisation", tri{"régularisation", "regularisatie", "regularisation"}},
	{"droit-asile", tri{"droit d'asile", "asielrecht", "right to asylum"}},
	{"antiracisme", tri{"antiracisme", "antiracisme", "anti-racism"}},
	{"climat", tri{"climat", "klimaat", "climate"}},
	{"energie", tri{"énergie", "energie", "energy"}},
	{"transition-juste", tri{"transition juste", "rechtvaardige transitie", "just transition"}},
	{"feminisme", tri{"féminisme", "feminisme", "feminism"}},
	{"8-mars", tri{"8 mars", "8 maart", "8 March"}},
	{"egalite-salariale", tri{"égalité salariale", "loongelijkheid", "equal pay"}},
	{"solidarite-internationale", tri{"solidarité internationale", "internationale solidariteit", "international solidarity"}},
	{"repression", tri{"répression", "repressie", "repression"}},
	{"europe", tri{"Europe", "Europa", "Europe"}},
	{"afrique", tri{"Afrique", "Afrika", "Africa"}},
	{"amerique-latine", tri{"Amérique latine", "Latijns-Amerika", "Latin America"}},
	{"moyen-orient", tri{"Moyen-Orient", "Midden-Oosten", "Middle East"}},
	{"asie", tri{"Asie", "Azië", "Asia"}},
	{"textile", tri{"textile", "textiel", "garment industry"}},
	{"culture", tri{"culture", "cultuur", "culture"}},
	{"livres", tri{"livres", "boeken", "books"}},
	{"cinema", tri{"cinéma", "film", "film"}},
	{"histoire-ouvriere", tri{"histoire ouvrière", "arbeidersgeschiedenis", "labour history"}},
	{"musique", tri{"musique", "muziek", "music"}},
	{"democratie", tri{"démocratie", "democratie", "democracy"}},
	{"antifascisme", tri{"antifascisme", "antifascisme", "anti-fascism"}},
	{"medias", tri{"médias", "media", "media"}},
}

// dossierSpec is a campaign page in three languages. Its articles are drawn from the
// stories of its topic, then of its fallback topic when the demo is too small to fill it.
type dossierSpec struct {
	topic, fallback string
	featured        bool
	titles, intros  tri
}

var dossierSpecs = []dossierSpec{
	{"vandamme", "strike", true,
		tri{"Métallerie Vandamme : la lutte pour l'emploi", "Métallerie Vandamme: de strijd voor de banen", "Métallerie Vandamme: the fight for jobs"},
		tri{"Depuis l'annonce de la fermeture du site de Seraing, les travailleurs de **Métallerie Vandamme** refusent de baisser les bras. Grèves, occupation, plan de reprise en coopérative : ce dossier rassemble nos articles sur une lutte exemplaire.\n\nVous voulez aider ? Versez à la caisse de grève ou rejoignez le comité de soutien.",
			"Sinds de aankondiging van de sluiting van de vestiging in Seraing weigeren de werknemers van **Métallerie Vandamme** op te geven. Stakingen, een bezetting, een overnameplan als coöperatie: dit dossier bundelt onze artikels over een voorbeeldige strijd.\n\nWilt u helpen? Stort aan de stakingskas of sluit u aan bij het steuncomité.",
			"Since the closure of the Seraing site was announced, the workers of **Métallerie Vandamme** have refused to give up. Strikes, an occupation, a plan to run the plant as a cooperative: this dossier gathers our reporting on an exemplary struggle.\n\nWant to help? Give to the strike fund or join the support committee."}},
	{"textile", "international", true,
		tri{"Solidarité avec les ouvrières du textile au Bangladesh", "Solidariteit met de textielarbeidsters in Bangladesh", "Solidarity with Bangladesh's garment workers"},
		tri{"Elles cousent les vêtements vendus dans nos magasins pour quelques dizaines d'euros par mois. Quand elles s'organisent, elles sont licenciées, parfois emprisonnées. Ce dossier suit la campagne menée avec leurs syndicats.\n\n- Signez l'appel aux marques belges\n- Rejoignez les rassemblements devant les magasins\n- Invitez une syndicaliste dans votre association",
			"Ze naaien de kleren die in onze winkels liggen, voor enkele tientallen euro per maand. Wie zich organiseert, wordt ontslagen en soms opgesloten. Dit dossier volgt de campagne die we met hun vakbonden voeren.\n\n- Onderteken de oproep aan de Belgische merken\n- Kom naar de acties aan de winkels\n- Nodig een vakbondsmilitante uit in uw vereniging",
			"They sew the clothes sold in our shops for a few dozen euros a month. Those who organise are sacked, sometimes jailed. This dossier follows the campaign we run with their unions.\n\n- Sign the appeal to Belgian brands\n- Join the protests outside the shops\n- Invite a trade unionist to speak to your group"}},
	{"housing", "public-services", false,
		tri{"Logement : le droit d'habiter la ville", "Wonen: het recht op de stad", "Housing: the right to the city"},
		tri{"Loyers qui flambent, logements vides, expulsions en plein hiver : la crise du logement frappe d'abord les plus précaires. Nos reportages, nos enquêtes et les luttes des comités de locataires.",
			"Stijgende huurprijzen, leegstand, uitzettingen in hartje winter: de wooncrisis treft eerst de meest kwetsbaren. Onze reportages, onderzoeken en de strijd van de huurderscomités.",
			"Soaring rents, empty homes, evictions in midwinter: the housing crisis hits the most vulnerable first. Our reports, investigations and the struggles of tenants' committees."}},
	{"migration", "", true,
		tri{"Régularisation : des papiers pour toutes et tous", "Regularisatie: papieren voor iedereen", "Regularisation: papers for all"},
		tri{"Ils et elles vivent, travaillent et paient des impôts ici, parfois depuis quinze ans, sans aucun droit. Grèves de la faim, occupations, manifestations : le combat des sans-papiers pour leur régularisation.",
			"Ze wonen, werken en betalen hier belastingen, soms al vijftien jaar, zonder enig recht. Hongerstakingen, bezettingen, betogingen: de strijd van mensen zonder papieren voor hun regularisatie.",
			"They live, work and pay taxes here, some for fifteen years, with no rights at all. Hunger strikes, occupations, marches: the fight of undocumented migrants for regularisation."}},
	{"climate", "", false,
		tri{"Climat : pour une transition juste", "Klimaat: voor een rechtvaardige transitie", "Climate: for a just transition"},
		tri{"Pas de planète vivable sans justice sociale. Syndicats, agriculteurs et jeunes pour le climat cherchent ensemble une transition qui ne laisse personne au bord du chemin.",
			"Geen leefbare planeet zonder sociale rechtvaardigheid. Vakbonden, boeren en klimaatjongeren zoeken samen naar een transitie die niemand achterlaat.",
			"No liveable planet without social justice. Unions, farmers and young climate campaigners are seeking a transition that leaves no one behind."}},
	{"pensions", "wages", false,
		tri{"Pensions : la bataille des fins de carrière", "Pensioenen: de strijd om het loopbaaneinde", "Pensions: the fight over the end of working life"},
		tri{"Travailler plus longtemps pour gagner moins : la réforme des pensions touche d'abord les métiers pénibles et les femmes. Analyses, témoignages et mobilisations.",
			"Langer werken voor minder: de pensioenhervorming treft eerst de zware beroepen en de vrouwen. Analyses, getuigenissen en acties.",
			"Work longer for less: pension reform hits arduous jobs and women first. Analysis, testimony and action."}},
}

// staffSpec is a kind of person on the masthead: how many there are, their role in French
// and Dutch ("masculine|feminine"), their bio, and whether they can be reached.
type staffSpec struct {
	kind           staffKind
	count          int
	roleFR, roleNL string
	bioFR, bioNL   string
	email, phone   bool
}

type staffKind int

const (
	editor staffKind = iota
	journalist
	correspondent
	photographer
	columnist
	pressOfficer
)

// Bios use {name}, {year}, {beatFR}, {beatNL}, {city}; roles may use {city}.
var staffSpecs = []staffSpec{
	{editor, 1, "Rédacteur en chef|Rédactrice en chef", "Hoofdredacteur|Hoofdredactrice",
		"**{name}** dirige la rédaction depuis {year}, après dix ans passés à couvrir {beatFR}.",
		"**{name}** leidt sinds {year} de redactie, na tien jaar verslaggeving over {beatNL}.", true, false},
	{journalist, 22, "Journaliste", "Journalist|Journaliste",
		"**{name}** écrit pour *La Ronce* depuis {year}, surtout sur {beatFR}.",
		"**{name}** schrijft sinds {year} voor *De Braam*, vooral over {beatNL}.", false, false},
	{correspondent, 4, "Correspondant à {city}|Correspondante à {city}", "Correspondent in {city}|Correspondente in {city}",
		"**{name}** suit pour nous l'actualité sociale à {city} depuis {year}.",
		"**{name}** volgt sinds {year} voor ons het sociale nieuws vanuit {city}.", true, true},
	{photographer, 5, "Photographe", "Fotograaf",
		"**{name}** photographie les mouvements sociaux depuis {year}. Ses images sont publiées sous licence libre.",
		"**{name}** fotografeert sinds {year} sociale bewegingen. De beelden verschijnen onder een vrije licentie.", false, false},
	{columnist, 3, "Chroniqueur|Chroniqueuse", "Columnist",
		"**{name}** tient depuis {year} une chronique mensuelle dans nos pages.",
		"**{name}** schrijft sinds {year} een maandelijkse column in onze krant.", false, false},
	{pressOfficer, 5, "Attaché de presse|Attachée de presse", "Persverantwoordelijke",
		"**{name}** répond depuis {year} aux questions des journalistes pour *La Ronce*.",
		"**{name}** beantwoordt sinds {year} de vragen van journalisten voor *De Braam*.", true, true},
}

// beats are what journalists cover; topicBeats sends a story to a journalist of its beat.
var beats = [][2]string{
	{"le travail et les luttes sociales", "werk en sociale strijd"},
	{"le logement et la ville", "wonen en de stad"},
	{"la politique internationale", "internationale politiek"},
	{"le climat et l'énergie", "klimaat en energie"},
	{"la culture", "cultuur"},
	{"les migrations", "migratie"},
	{"les services publics", "de openbare diensten"},
}

var topicBeats = map[string]int{
	"strike": 0, "vandamme": 0, "wages": 0, "pensions": 0, "feminism": 0,
	"housing": 1, "international": 2, "textile": 2, "climate": 3, "culture": 4,
	"migration": 5, "public-services": 6, "opinion": 0,
}
