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
	},
	standfirsts: []tri{
		{"Les actionnaires de {company} veulent fermer le site {at_place}. Les {n} travailleurs ont d'autres plans.",
			"De aandeelhouders van {company} willen de vestiging {at_place} sluiten. De {n} werknemers hebben andere plannen.",
			"{company}'s shareholders want to close the site {at_place}. Its {n} workers have other plans."},
		{"{k} mois après l'annonce de la fermeture, la mobilisation ne faiblit pas.",
			"{k} maanden na de aankondiging van de sluiting blijft de mobilisatie sterk.",
			"{k} months after the closure was announced, the campaign is still going strong."},
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
	},
	standfirsts: []tri{
		{"Un salaire de 12\u202f500 takas par mois ne suffit pas pour vivre. {actors} réclament le double.",
			"Een loon van 12.500 taka per maand is niet genoeg om van te leven. {actors} eisen het dubbele.",
			"A wage of 12,500 taka a month is not enough to live on. {actors} are demanding double."},
		{"Les usines qui fournissent les grandes marques européennes répriment toute tentative d'organisation.",
			"De fabrieken die aan de grote Europese merken leveren, onderdrukken elke poging tot organisatie.",
			"Factories supplying big European brands crush every attempt to organise."},
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
