package render

import "testing"

// frenchArticle is a typical body of about 3 KB: headings, emphasis, links,
// quotes, a figure, a list, a table and footnotes.
const frenchArticle = `Les travailleurs de l'usine de Herstal se sont rassemblés ce mardi matin devant les grilles. "On ne lâchera rien", lance Marie, déléguée depuis quinze ans. Autour d'elle, **plus de 300 personnes** : ouvriers, retraités, voisins... et même quelques commerçants du quartier.

## Une fermeture annoncée par courriel

La direction a annoncé la fermeture du site le 3 mars, par un simple courriel envoyé à 10:30. "C'est du mépris !", s'indigne Jean-Pierre, qui travaille ici depuis 1987. Pour lui, la décision était prise "depuis des mois" : les investissements avaient cessé dès 2022[^1].

![Rassemblement devant l'usine](/media/2024/herstal-grilles.jpg "Rassemblement devant les grilles de l'usine, le 5 mars © Marie Dupont")

Le syndicat réclame :

- le maintien de l'emploi pour les 412 travailleurs ;
- l'ouverture des livres de comptes ;
- un plan de reconversion "digne de ce nom".

### Ce que dit la direction

Contactée, la direction affirme que "le marché a changé" et que le site n'est "plus rentable". Elle propose un plan social -- jugé *insuffisant* par les délégués -- et des primes de départ. Pourtant, selon les chiffres publiés sur [le site de la Banque nationale](https://www.nbb.be/fr), le secteur reste bénéficiaire.

| Année | Chiffre d'affaires | Bénéfice |
|:------|-------------------:|---------:|
| 2021  | 84 M€              | 6,1 M€   |
| 2022  | 91 M€              | 7,4 M€   |
| 2023  | 88 M€              | 5,9 M€   |

Les délégués rappellent que l'usine a reçu 12 millions d'euros d'aides publiques depuis 2015. "Cet argent devait garantir l'emploi jusqu'en 2030 ; c'était écrit noir sur blanc dans la convention", insiste Marie. Le ministre régional de l'Économie, interrogé mercredi au Parlement, s'est dit "préoccupé" mais n'a pris aucun engagement... Une réunion tripartite est annoncée pour le 15 mars, à 9:00.

## La solidarité s'organise

Une caisse de grève a été ouverte. Les dons affluent de toute la région : Liège, Verviers, Namur... "On a reçu un message de soutien des dockers d'Anvers ce matin !", raconte Sophie, les yeux brillants. Les étudiants de l'université ont voté une motion de soutien -- à l'unanimité.

> « Quand une usine ferme, c'est tout un quartier qui meurt. Nous ne laisserons pas faire. »
> -- Déclaration commune des délégués

Prochaine étape ? Une manifestation est prévue samedi à 14 h, place Saint-Lambert. Le parcours sera communiqué sur le site du comité[^2]. Pour toute question, écrivez à ` + "`solidarite@exemple.be`" + ` ou passez au local.

Qu'en pense la population ? Selon un sondage réalisé pour *Le Journal*, 71 % des habitants soutiennent les grévistes. "Ce qui se passe ici peut arriver partout", conclut Marie.

[^1]: Rapport annuel 2022, p. 14 : "aucun investissement majeur n'est prévu".
[^2]: Voir aussi notre article du 28 février sur les "restructurations silencieuses".
`

func BenchmarkMarkdown(b *testing.B) {
	r := New()
	b.SetBytes(int64(len(frenchArticle)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Markdown("fr", frenchArticle); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkText(b *testing.B) {
	r := New()
	const title = `"On ne lâchera rien" : à Herstal, l'usine menacée de fermeture`
	b.ReportAllocs()
	for b.Loop() {
		r.Text("fr", title)
	}
}
