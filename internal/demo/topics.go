package demo

import "slices"

// topic is what a story is about: where it is filed, how it is tagged, and the phrases
// its titles and paragraphs are made of. Every list of phrases is aligned across
// languages (see tri); the lists of a topic may differ in length.
type topic struct {
	key    string
	weight int // relative frequency among new stories
	// sections to file under, one picked per story; "@place" and "@country" stand for the
	// region section of the story's town or country.
	sections []string
	// tags to pick two to four from; "@country" stands for the country's region.
	tags                  []string
	actors, roles, quotes []tri // empty: the generic lists
	titles, standfirsts   []tri
	sentences, demands    []tri
	pin                   func(*cast) // fixes part of the cast: a dossier's company or country
}

func (t *topic) actorList() []tri { return orGeneric(t.actors, genericActors) }
func (t *topic) roleList() []tri  { return orGeneric(t.roles, genericRoles) }
func (t *topic) quoteList() []tri { return orGeneric(t.quotes, genericQuotes) }

func orGeneric(own, generic []tri) []tri {
	if len(own) > 0 {
		return own
	}
	return generic
}

// derive makes a narrower topic from a broader one: it keeps the base's phrases and adds
// or replaces what the narrower one says. The dossiers' topics are made this way.
func derive(base *topic, t topic) *topic {
	d := *base
	d.key, d.weight, d.pin = t.key, t.weight, t.pin
	if t.sections != nil {
		d.sections = t.sections
	}
	if t.tags != nil {
		d.tags = t.tags
	}
	if t.actors != nil {
		d.actors = t.actors
	}
	if t.titles != nil {
		d.titles = t.titles
	}
	if t.standfirsts != nil {
		d.standfirsts = t.standfirsts
	}
	d.sentences = slices.Concat(base.sentences, t.sentences)
	d.demands = slices.Concat(base.demands, t.demands)
	return &d
}

// topics lists every topic; the weights add up to 100.
var topics = []*topic{
	topicStrike, topicVandamme, topicWages, topicPublicServices, topicPensions,
	topicHousing, topicMigration, topicClimate, topicFeminism,
	topicInternational, topicTextile, topicCulture, topicOpinion,
}

func topicByKey(key string) *topic {
	for _, t := range topics {
		if t.key == key {
			return t
		}
	}
	panic("demo: no topic " + key) // a typo in the dossier table
}

// seraing is where Métallerie Vandamme has its plant.
const seraing = 9

var topicVandamme = derive(topicStrike, topic{
	key: "vandamme", weight: 3,
	tags: []string{"greve", "fermeture", "metallurgie", "emploi"},
	pin:  func(c *cast) { c.company, c.place = vandamme, seraing },
	titles: []tri{
		{"{company} : {actors} refusent la fermeture", "{company}: {actors} weigeren de sluiting", "{company}: {actors} reject the closure"},
		{"Fermeture de {company} : {n} emplois menacés {at_place}", "Sluiting van {company}: {n} banen bedreigd {at_place}", "{company} closure: {n} jobs at risk {at_place}"},
		{"{company} : « {quote} »", "{company}: \"{quote}\"", "{company}: \"{quote}\""},
		{"Reprise de {company} : le plan des travailleurs", "Overname van {company}: het plan van de werknemers", "Saving {company}: the workers' plan"},
		{"{company} : les actionnaires ont-ils organisé la faillite ?", "{company}: hebben de aandeelhouders het faillissement georganiseerd?", "{company}: did the shareholders plan the bankruptcy?"},
		{"Seraing : l'usine {company} occupée jour et nuit",
			"Seraing: fabriek van {company} dag en nacht bezet",
			"Seraing: {company} plant occupied day and night"},
		{"Coopérative ouvrière chez {company} : le projet prend forme",
			"Arbeiderscoöperatie bij {company}: het project krijgt vorm",
			"A workers' cooperative at {company} takes shape"},
		{"{company} : la Région prête à entrer au capital ?", "{company}: stapt het Gewest in het kapitaal?", "{company}: will the Region take a stake?"},
		{"Fermeture de {company} : {big} personnes marchent sur Seraing",
			"Sluiting van {company}: {big} mensen trekken naar Seraing",
			"{company} closure: {big} people march on Seraing"},
		{"Les machines de {company} ne partiront pas", "De machines van {company} gaan niet weg", "{company}'s machines are not leaving"},
		{"{k} mois de lutte racontés par ceux qui la mènent",
			"{k} maanden strijd, verteld door wie hem voert",
			"{k} months of struggle, told by those waging it"},
		{"Chez {company}, les familles aussi tiennent le piquet",
			"Bij {company} staan ook de gezinnen aan de stakingspost",
			"At {company}, families join the picket line too"},
		{"Le tribunal gèle la vente des actifs de {company}",
			"Rechtbank bevriest de verkoop van de activa van {company}",
			"Court freezes the sale of {company}'s assets"},
		{"Seraing sans {company} ? La ville refuse d'y croire",
			"Seraing zonder {company}? De stad weigert het te geloven",
			"Seraing without {company}? The town refuses to believe it"},
	},
	standfirsts: []tri{
		{"Les actionnaires de {company} veulent fermer le site {at_place}. Les {n} travailleurs ont d'autres plans.",
			"De aandeelhouders van {company} willen de vestiging {at_place} sluiten. De {n} werknemers hebben andere plannen.",
			"{company}'s shareholders want to close the site {at_place}. Its {n} workers have other plans."},
		{"{k} mois après l'annonce de la fermeture, la mobilisation ne faiblit pas.",
			"{k} maanden na de aankondiging van de sluiting blijft de mobilisatie sterk.",
			"{k} months after the closure was announced, the campaign is still going strong."},
		{"Depuis {k} semaines, les travailleurs occupent le site pour empêcher le déménagement des machines.",
			"Al {k} weken bezetten de werknemers de vestiging om te verhinderen dat de machines worden weggehaald.",
			"For {k} weeks, the workers have occupied the site to stop the machines being moved out."},
		{"Le plan de reprise en coopérative chiffre à {n} millions d'euros l'investissement nécessaire. Les travailleurs cherchent des soutiens.",
			"Het overnameplan als coöperatie raamt de nodige investering op {n} miljoen euro. De werknemers zoeken steun.",
			"The cooperative takeover plan puts the investment needed at {n} million euros. The workers are looking for backers."},
		{"À Seraing, toute une ville se sent concernée par la fermeture de l'usine.",
			"In Seraing voelt een hele stad zich betrokken bij de sluiting van de fabriek.",
			"In Seraing, a whole town feels the closure of the plant is its business."},
		{"Les actionnaires ont vidé les caisses avant d'annoncer la faillite, affirment les syndicats. Enquête.",
			"De aandeelhouders haalden de kas leeg voor ze het faillissement aankondigden, zeggen de vakbonden. Een onderzoek.",
			"The shareholders emptied the coffers before declaring bankruptcy, the unions say. An investigation."},
	},
	sentences: []tri{
		{"Les travailleurs ont présenté un plan de reprise en coopérative.",
			"De werknemers stelden een overnameplan als coöperatie voor.",
			"The workers have put forward a plan to take the plant over as a cooperative."},
	},
	demands: []tri{
		{"la nationalisation du site", "de nationalisering van de vestiging", "nationalisation of the site"},
	},
})

var topicTextile = derive(topicInternational, topic{
	key: "textile", weight: 3,
	tags: []string{"solidarite-internationale", "textile", "droits-syndicaux", "asie"},
	pin:  func(c *cast) { c.country = bangladesh },
	actors: []tri{
		{"les ouvrières du textile", "de textielarbeidsters", "garment workers"},
		{"les couturières", "de naaisters", "seamstresses"},
		{"les syndicalistes", "de vakbondsmilitanten", "trade unionists"},
	},
	titles: []tri{
		{"Bangladesh : {actors} exigent un salaire vital", "Bangladesh: {actors} eisen een leefbaar loon", "Bangladesh: {actors} demand a living wage"},
		{"Textile : qui coud nos vêtements, et à quel prix ?", "Textiel: wie naait onze kleren, en tegen welke prijs?", "Garments: who sews our clothes, and at what cost?"},
		{"{capital} : {n} ouvrières licenciées pour avoir fondé un syndicat", "{capital}: {n} arbeidsters ontslagen omdat ze een vakbond oprichtten", "{capital}: {n} workers sacked for forming a union"},
		{"« {quote} » : une syndicaliste de {capital} à Bruxelles", "\"{quote}\": een vakbondsmilitante uit {capital} in Brussel", "\"{quote}\": a trade unionist from {capital} in Brussels"},
		{"Les marques belges doivent signer l'accord de sécurité", "Belgische merken moeten het veiligheidsakkoord tekenen", "Belgian brands must sign the safety accord"},
		{"Incendie dans un atelier de {capital} : {k} ouvrières tuées",
			"Brand in een atelier in {capital}: {k} arbeidsters gedood",
			"Fire at a {capital} workshop kills {k} workers"},
		{"{capital} : les couturières bloquent la zone franche",
			"{capital}: naaisters blokkeren de vrijhandelszone",
			"{capital}: seamstresses blockade the export zone"},
		{"Nos t-shirts à {k} euros, leur salaire à {n} euros par mois",
			"Onze T-shirts van {k} euro, hun loon van {n} euro per maand",
			"Our {k}-euro T-shirts, their {n}-euro monthly wage"},
		{"Devant les magasins de Bruxelles, une action pour les ouvrières du Bangladesh",
			"Actie aan de winkels in Brussel voor de arbeidsters in Bangladesh",
			"Protest outside Brussels shops for Bangladesh's garment workers"},
		{"Heures supplémentaires forcées : le quotidien des ateliers",
			"Verplichte overuren: het dagelijkse leven in de ateliers",
			"Forced overtime: daily life in the workshops"},
		{"Syndicat interdit, syndicat quand même", "Vakbond verboden, toch een vakbond", "Union banned, union all the same"},
		{"Accord de sécurité : {k} marques n'ont toujours pas signé",
			"Veiligheidsakkoord: {k} merken hebben nog altijd niet getekend",
			"Safety accord: {k} brands have still not signed"},
		{"Usine effondrée : des années après, les victimes attendent toujours",
			"Ingestorte fabriek: jaren later wachten de slachtoffers nog altijd",
			"Factory collapse: years on, the victims are still waiting"},
		{"Textile : la solidarité s'organise de Gand à {capital}",
			"Textiel: solidariteit van Gent tot {capital}",
			"Garments: solidarity from Ghent to {capital}"},
	},
	standfirsts: []tri{
		{"Un salaire de 12\u202f500 takas par mois ne suffit pas pour vivre. {actors} réclament le double.",
			"Een loon van 12.500 taka per maand is niet genoeg om van te leven. {actors} eisen het dubbele.",
			"A wage of 12,500 taka a month is not enough to live on. {actors} are demanding double."},
		{"Les usines qui fournissent les grandes marques européennes répriment toute tentative d'organisation.",
			"De fabrieken die aan de grote Europese merken leveren, onderdrukken elke poging tot organisatie.",
			"Factories supplying big European brands crush every attempt to organise."},
		{"Après l'incendie, les survivantes n'ont reçu aucune indemnisation.",
			"Na de brand kregen de overlevenden geen enkele schadevergoeding.",
			"After the fire, the survivors received no compensation at all."},
		{"{name}, {role}, raconte les journées de quatorze heures et les salaires impayés.",
			"{name}, {role}, vertelt over werkdagen van veertien uur en onbetaalde lonen.",
			"{name}, {role}, describes fourteen-hour days and unpaid wages."},
		{"Les grandes marques promettent des audits. Les ouvrières demandent des droits.",
			"De grote merken beloven audits. De arbeidsters vragen rechten.",
			"The big brands promise audits. The workers want rights."},
		{"Une campagne menée avec les syndicats du Bangladesh vise les enseignes présentes en Belgique.",
			"Een campagne samen met de vakbonden uit Bangladesh richt zich op de ketens die in België actief zijn.",
			"A campaign run with Bangladesh's unions targets chains that trade in Belgium."},
		{"{k} ouvrières ont été arrêtées lors de la dernière grève. Leurs collègues exigent leur libération.",
			"Bij de laatste staking werden {k} arbeidsters opgepakt. Hun collega's eisen hun vrijlating.",
			"{k} workers were arrested during the last strike. Their colleagues demand their release."},
	},
	sentences: []tri{
		{"Dans les ateliers, les journées de travail dépassent souvent douze heures.",
			"In de ateliers duren werkdagen vaak langer dan twaalf uur.",
			"In the workshops, working days often last more than twelve hours."},
		{"Les grandes marques affirment respecter un code de conduite que personne ne contrôle.",
			"De grote merken beweren een gedragscode na te leven die niemand controleert.",
			"The big brands claim to follow a code of conduct that nobody checks."},
	},
	demands: []tri{
		{"un salaire minimum vital dans le textile", "een leefbaar minimumloon in de textielsector", "a living minimum wage in the garment industry"},
		{"la signature de l'accord de sécurité par toutes les marques", "de ondertekening van het veiligheidsakkoord door alle merken", "every brand to sign the safety accord"},
	},
})
