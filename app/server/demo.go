//go:build !wasm

package server

import (
	"bytes"
	"html"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/manual"
)

// renderDemo is the manual page "Ask for help", rendered from the page the
// data came from, with the widget embedded where it belongs: after the
// escalation order, before the first section. It embeds the widget exactly
// as another site would, with embed.js and a data-ask-for-help element.
func renderDemo(d *directory.Directory, resolve func(string) string) ([]byte, error) {
	content, err := manual.HTML("ask-for-help.html.md", directory.SeedPage)
	if err != nil {
		return nil, err
	}
	const snippet = "<div class=\"manual-page__widget\" data-ask-for-help></div>\n"
	if i := bytes.Index(content, []byte("<h2")); i >= 0 {
		content = append(content[:i:i], append([]byte(snippet), content[i:]...)...)
	} else {
		content = append(content, snippet...)
	}
	var b bytes.Buffer
	e := html.EscapeString
	b.WriteString(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>` + e(d.Title) + ` – GOV.UK Developer manual (demo)</title>
<link rel="icon" href="` + e(resolve("/web/icon.svg")) + `">
<link rel="stylesheet" href="` + e(resolve("/web/style.css")) + `">
<script src="` + e(resolve("/web/embed.js")) + `" defer></script>
</head>
<body>
<div class="app">
<header class="govuk-header"><div class="govuk-width-container">
<a class="govuk-header__link" href="` + e(d.PageURL) + `"><span class="govuk-header__logotype">GOV.UK</span> <span class="govuk-header__product">Developer manual</span></a>
</div></header>
<div class="govuk-width-container">
<main id="main" class="govuk-main-wrapper manual-page">
<p class="manual-page__note">A demo: the manual page as published, with the widget embedded as any page can embed it.</p>
<h1 class="govuk-heading-l">` + e(d.Title) + `</h1>
`)
	b.Write(content)
	b.WriteString(`</main>
</div>
</div>
</body>
</html>
`)
	return b.Bytes(), nil
}
