//go:build !wasm

package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/server"
	"github.com/alphagov/askforhelp/app/view"
	"github.com/chromedp/chromedp"
)

// moveClock sets the page's clock (JavaScript's Date, which Go's time.Now
// reads in the browser) to at, in every document loaded from now on.
func moveClock(at time.Time) chromedp.Action[chromedp.Void] {
	return onNewDocument(fmt.Sprintf(`(() => {
  const shift = %d - Date.now(), D = Date;
  class Moved extends D {
    constructor(...a) { if (a.length === 0) { super(D.now() + shift); } else { super(...a); } }
    static now() { return D.now() + shift; }
  }
  globalThis.Date = Moved;
})();`, at.UnixMilli()))
}

// TestDataAgeNotice: the page says which docs its data is from; with the
// browser's clock moved past view.StaleAfterDays after that date, the page,
// the embedded view and the page offline also say the data may be out of
// date, with a link to the live Ask for help page.
func TestDataAgeNotice(t *testing.T) {
	d := directory.Seed
	made, err := time.Parse(time.DateOnly, d.Source.Date)
	if err != nil {
		t.Fatalf("the embedded data has no date: %q", d.Source.Date)
	}
	says := "Team data from the developer docs of " + made.Format("2 January 2006")
	live := fmt.Sprintf(`#data-age a[href=%q]`, d.PageURL)

	t.Run("fresh", func(t *testing.T) {
		base := startServer(t, nil, nil)
		ctx := newBrowser(t)
		do(t, ctx, moveClock(made.AddDate(0, 0, 2)), chromedp.Navigate(base+"/"), waitWasm(), waitText("#data-age", says))
		if got := eval[int](t, ctx, `document.querySelectorAll(".data-age--stale").length`); got != 0 {
			t.Errorf("data 2 days old is called stale: %q", textOf(t, ctx, "#data-age"))
		}
	})

	t.Run("stale", func(t *testing.T) {
		srv := serveOn(t, "127.0.0.1:0", newApp(t, server.Options{WebDir: webDir}))
		ctx := newBrowser(t)
		days := view.StaleAfterDays + 15
		old := fmt.Sprintf("%s, %d days ago", says, days)
		check := func(where string) {
			t.Helper()
			do(t, ctx, waitWasm(), waitText("#data-age", old))
			if got := eval[int](t, ctx, `document.querySelectorAll(`+fmt.Sprintf("%q", live)+`).length`); got != 1 {
				t.Errorf("%s: no link to the live page in %q", where, textOf(t, ctx, "#data-age"))
			}
			// Beside the answer: the notice stays while an answer is shown.
			do(t, ctx, searchFor("database migration", teamFor("database migration")))
			if got := textOf(t, ctx, "#data-age"); !strings.Contains(got, old) {
				t.Errorf("%s: with an answer, the notice says %q", where, got)
			}
		}
		do(t, ctx, moveClock(made.AddDate(0, 0, days).Add(time.Hour)), chromedp.Navigate(srv.URL+"/"), waitWorker())
		check("online /")
		do(t, ctx, chromedp.Navigate(srv.URL+"/embed"))
		check("online /embed")
		srv.Stop()
		do(t, ctx, chromedp.Navigate(srv.URL+"/"))
		check("offline /")
		do(t, ctx, chromedp.Navigate(srv.URL+"/embed"))
		check("offline /embed")
	})
}
