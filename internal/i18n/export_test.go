package i18n_test

import "github.com/roneo/roneo/internal/content"

func contentLang(s string) content.Lang { return content.Lang(s) }
