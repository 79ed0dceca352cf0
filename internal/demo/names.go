package demo

// Proper names the stories draw on. Towns and countries are real, so that sections and
// maps make sense; companies and people are invented.

var places = []place{
	{tri{"Bruxelles", "Brussel", "Brussels"}, tri{"à Bruxelles", "in Brussel", "in Brussels"}, "bruxelles"},
	{tri{"Anderlecht", "Anderlecht", "Anderlecht"}, tri{"à Anderlecht", "in Anderlecht", "in Anderlecht"}, "bruxelles"},
	{tri{"Molenbeek", "Molenbeek", "Molenbeek"}, tri{"à Molenbeek", "in Molenbeek", "in Molenbeek"}, "bruxelles"},
	{tri{"Schaerbeek", "Schaarbeek", "Schaerbeek"}, tri{"à Schaerbeek", "in Schaarbeek", "in Schaerbeek"}, "bruxelles"},
	{tri{"Liège", "Luik", "Liège"}, tri{"à Liège", "in Luik", "in Liège"}, "wallonie"},
	{tri{"Charleroi", "Charleroi", "Charleroi"}, tri{"à Charleroi", "in Charleroi", "in Charleroi"}, "wallonie"},
	{tri{"Namur", "Namen", "Namur"}, tri{"à Namur", "in Namen", "in Namur"}, "wallonie"},
	{tri{"Mons", "Bergen", "Mons"}, tri{"à Mons", "in Bergen", "in Mons"}, "wallonie"},
	{tri{"La Louvière", "La Louvière", "La Louvière"}, tri{"à La Louvière", "in La Louvière", "in La Louvière"}, "wallonie"},
	{tri{"Seraing", "Seraing", "Seraing"}, tri{"à Seraing", "in Seraing", "in Seraing"}, "wallonie"},
	{tri{"Verviers", "Verviers", "Verviers"}, tri{"à Verviers", "in Verviers", "in Verviers"}, "wallonie"},
	{tri{"Tournai", "Doornik", "Tournai"}, tri{"à Tournai", "in Doornik", "in Tournai"}, "wallonie"},
	{tri{"Arlon", "Aarlen", "Arlon"}, tri{"à Arlon", "in Aarlen", "in Arlon"}, "wallonie"},
	{tri{"Anvers", "Antwerpen", "Antwerp"}, tri{"à Anvers", "in Antwerpen", "in Antwerp"}, "flandre"},
	{tri{"Gand", "Gent", "Ghent"}, tri{"à Gand", "in Gent", "in Ghent"}, "flandre"},
	{tri{"Louvain", "Leuven", "Leuven"}, tri{"à Louvain", "in Leuven", "in Leuven"}, "flandre"},
	{tri{"Bruges", "Brugge", "Bruges"}, tri{"à Bruges", "in Brugge", "in Bruges"}, "flandre"},
	{tri{"Hasselt", "Hasselt", "Hasselt"}, tri{"à Hasselt", "in Hasselt", "in Hasselt"}, "flandre"},
	{tri{"Genk", "Genk", "Genk"}, tri{"à Genk", "in Genk", "in Genk"}, "flandre"},
	{tri{"Ostende", "Oostende", "Ostend"}, tri{"à Ostende", "in Oostende", "in Ostend"}, "flandre"},
	{tri{"Malines", "Mechelen", "Mechelen"}, tri{"à Malines", "in Mechelen", "in Mechelen"}, "flandre"},
	{tri{"Courtrai", "Kortrijk", "Kortrijk"}, tri{"à Courtrai", "in Kortrijk", "in Kortrijk"}, "flandre"},
	{tri{"Alost", "Aalst", "Aalst"}, tri{"à Alost", "in Aalst", "in Aalst"}, "flandre"},
}

var countries = []country{
	{tri{"Colombie", "Colombia", "Colombia"}, tri{"la Colombie", "Colombia", "Colombia"},
		tri{"en Colombie", "in Colombia", "in Colombia"}, tri{"Bogota", "Bogota", "Bogotá"}, "amerique-latine"},
	{tri{"Chili", "Chili", "Chile"}, tri{"le Chili", "Chili", "Chile"},
		tri{"au Chili", "in Chili", "in Chile"}, tri{"Santiago", "Santiago", "Santiago"}, "amerique-latine"},
	{tri{"Guatemala", "Guatemala", "Guatemala"}, tri{"le Guatemala", "Guatemala", "Guatemala"},
		tri{"au Guatemala", "in Guatemala", "in Guatemala"}, tri{"Guatemala", "Guatemala-Stad", "Guatemala City"}, "amerique-latine"},
	{tri{"Bolivie", "Bolivia", "Bolivia"}, tri{"la Bolivie", "Bolivia", "Bolivia"},
		tri{"en Bolivie", "in Bolivia", "in Bolivia"}, tri{"La Paz", "La Paz", "La Paz"}, "amerique-latine"},
	{tri{"Tunisie", "Tunesië", "Tunisia"}, tri{"la Tunisie", "Tunesië", "Tunisia"},
		tri{"en Tunisie", "in Tunesië", "in Tunisia"}, tri{"Tunis", "Tunis", "Tunis"}, "afrique"},
	{tri{"Sénégal", "Senegal", "Senegal"}, tri{"le Sénégal", "Senegal", "Senegal"},
		tri{"au Sénégal", "in Senegal", "in Senegal"}, tri{"Dakar", "Dakar", "Dakar"}, "afrique"},
	{tri{"RD Congo", "DR Congo", "DR Congo"}, tri{"la RD Congo", "DR Congo", "the DR Congo"},
		tri{"en RD Congo", "in DR Congo", "in the DR Congo"}, tri{"Kinshasa", "Kinshasa", "Kinshasa"}, "afrique"},
	{tri{"Soudan", "Soedan", "Sudan"}, tri{"le Soudan", "Soedan", "Sudan"},
		tri{"au Soudan", "in Soedan", "in Sudan"}, tri{"Khartoum", "Khartoem", "Khartoum"}, "afrique"},
	{tri{"Maroc", "Marokko", "Morocco"}, tri{"le Maroc", "Marokko", "Morocco"},
		tri{"au Maroc", "in Marokko", "in Morocco"}, tri{"Rabat", "Rabat", "Rabat"}, "afrique"},
	{tri{"Iran", "Iran", "Iran"}, tri{"l'Iran", "Iran", "Iran"},
		tri{"en Iran", "in Iran", "in Iran"}, tri{"Téhéran", "Teheran", "Tehran"}, "moyen-orient"},
	{tri{"Turquie", "Turkije", "Turkey"}, tri{"la Turquie", "Turkije", "Turkey"},
		tri{"en Turquie", "in Turkije", "in Turkey"}, tri{"Ankara", "Ankara", "Ankara"}, "moyen-orient"},
	{tri{"Irak", "Irak", "Iraq"}, tri{"l'Irak", "Irak", "Iraq"},
		tri{"en Irak", "in Irak", "in Iraq"}, tri{"Bagdad", "Bagdad", "Baghdad"}, "moyen-orient"},
	{tri{"Grèce", "Griekenland", "Greece"}, tri{"la Grèce", "Griekenland", "Greece"},
		tri{"en Grèce", "in Griekenland", "in Greece"}, tri{"Athènes", "Athene", "Athens"}, "europe"},
	{tri{"Hongrie", "Hongarije", "Hungary"}, tri{"la Hongrie", "Hongarije", "Hungary"},
		tri{"en Hongrie", "in Hongarije", "in Hungary"}, tri{"Budapest", "Boedapest", "Budapest"}, "europe"},
	{tri{"Serbie", "Servië", "Serbia"}, tri{"la Serbie", "Servië", "Serbia"},
		tri{"en Serbie", "in Servië", "in Serbia"}, tri{"Belgrade", "Belgrado", "Belgrade"}, "europe"},
	{tri{"Philippines", "Filipijnen", "Philippines"}, tri{"les Philippines", "de Filipijnen", "the Philippines"},
		tri{"aux Philippines", "op de Filipijnen", "in the Philippines"}, tri{"Manille", "Manilla", "Manila"}, "asie"},
	{tri{"Bangladesh", "Bangladesh", "Bangladesh"}, tri{"le Bangladesh", "Bangladesh", "Bangladesh"},
		tri{"au Bangladesh", "in Bangladesh", "in Bangladesh"}, tri{"Dacca", "Dhaka", "Dhaka"}, "asie"},
	{tri{"Cambodge", "Cambodja", "Cambodia"}, tri{"le Cambodge", "Cambodja", "Cambodia"},
		tri{"au Cambodge", "in Cambodja", "in Cambodia"}, tri{"Phnom Penh", "Phnom Penh", "Phnom Penh"}, "asie"},
}

// bangladesh is the country of the garment workers' dossier.
const bangladesh = 16

// companies are invented employers; the same name in every language.
var companies = []string{
	"Métallerie Vandamme", "Logistix Benelux", "Cartonnerie Lemaire", "Textiles Verhaegen",
	"Brasserie Dumoulin", "Distri-Centre", "Boulangeries Peeters", "Verreries du Hainaut",
	"Transports Claesens", "NetExpress", "Imprimerie Wouters", "Câblerie Moens",
	"Chocolaterie Hendrickx", "Fonderie de la Meuse", "Colis Rapide", "Sucrerie Deprez",
	"Recyclage Dewitte", "Entrepôts Van Acker", "Papeterie Delvaux", "Biscuiterie Jaspers",
}

// vandamme is the company of the plant-closure dossier.
const vandamme = 0

var firstNames = []firstName{
	{"Marie", true}, {"Sofie", true}, {"Fatima", true}, {"Nadia", true}, {"Els", true},
	{"Julie", true}, {"Amina", true}, {"Chloé", true}, {"Lotte", true}, {"Inès", true},
	{"Hanne", true}, {"Samira", true}, {"Camille", true}, {"An", true}, {"Leïla", true},
	{"Martine", true}, {"Griet", true}, {"Aïcha", true}, {"Manon", true}, {"Joke", true},
	{"Luc", false}, {"Karim", false}, {"Pieter", false}, {"Mehdi", false}, {"Thomas", false},
	{"Jef", false}, {"Youssef", false}, {"Julien", false}, {"Wout", false}, {"Antoine", false},
	{"Bram", false}, {"Rachid", false}, {"Olivier", false}, {"Dries", false}, {"Mamadou", false},
	{"Nicolas", false}, {"Koen", false}, {"Hassan", false}, {"Pierre", false}, {"Sander", false},
}

var lastNames = []string{
	"Lambrechts", "Dubois", "El Amrani", "Verbeke", "Lemaire", "Janssens", "Benali",
	"Mertens", "Lefèvre", "Claes", "Diallo", "Wuyts", "Henrard", "Goossens", "Haddad",
	"Peeters", "Delcourt", "Van Damme", "Kaya", "Maes", "Renard", "Willems", "Bouzid",
	"De Smet", "Collignon", "Vermeulen", "Nzeza", "Lenaerts", "Thiry", "Aerts",
	"Mahieu", "Van den Broeck", "Ouedraogo", "Desmet", "Fontaine", "Hermans", "Yilmaz",
	"Michiels", "Gilson", "Bosmans",
}

// genericRoles describe people quoted in any story.
var genericRoles = []tri{
	{"militant|militante", "activist", "activist"},
	{"syndicaliste", "vakbondsmilitant|vakbondsmilitante", "trade unionist"},
	{"habitant du quartier|habitante du quartier", "buurtbewoner|buurtbewoonster", "local resident"},
	{"porte-parole du collectif", "woordvoerder van het collectief|woordvoerster van het collectief", "spokesperson for the collective"},
	{"membre de La Ronce", "lid van De Braam", "member of La Ronce-De Braam"},
}

// genericActors are the people a story is about when its topic names none.
var genericActors = []tri{
	{"les travailleurs", "de werknemers", "workers"},
	{"les habitants", "de bewoners", "residents"},
	{"les militants", "de militanten", "activists"},
	{"les syndicats", "de vakbonden", "the unions"},
}
