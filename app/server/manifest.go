//go:build !wasm

package server

import "encoding/json"

// manifest is the web app manifest. go-app writes one too, but gives icons
// an empty "purpose" and no "id"; this one is what Chromium's installability
// checks and app stores expect.
func (s *Server) manifest() []byte {
	type icon struct {
		Src     string `json:"src"`
		Type    string `json:"type"`
		Sizes   string `json:"sizes"`
		Purpose string `json:"purpose"`
	}
	r := s.web.Resolve
	m := struct {
		ID              string `json:"id"`
		Name            string `json:"name"`
		ShortName       string `json:"short_name"`
		Description     string `json:"description"`
		Lang            string `json:"lang"`
		StartURL        string `json:"start_url"`
		Scope           string `json:"scope"`
		Display         string `json:"display"`
		BackgroundColor string `json:"background_color"`
		ThemeColor      string `json:"theme_color"`
		Icons           []icon `json:"icons"`
	}{
		ID:              r("/"),
		Name:            s.app.Name,
		ShortName:       s.app.ShortName,
		Description:     s.app.Description,
		Lang:            s.app.Lang,
		StartURL:        r("/"),
		Scope:           r("/"),
		Display:         "standalone",
		BackgroundColor: s.app.BackgroundColor,
		ThemeColor:      s.app.ThemeColor,
		Icons: []icon{
			{r(s.app.Icon.Default), "image/png", "192x192", "any"},
			{r(s.app.Icon.Large), "image/png", "512x512", "any"},
			{r(s.app.Icon.Maskable), "image/png", "512x512", "maskable"},
			{r(s.app.Icon.SVG), "image/svg+xml", "any", "any"},
		},
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		panic(err) // a struct of strings always encodes
	}
	return b
}
