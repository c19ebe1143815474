package search

import (
	"os"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

func TestDebugQueries(t *testing.T) {
	qs := os.Getenv("QS")
	if qs == "" {
		t.Skip()
	}
	e := New(directory.Seed)
	for _, q := range strings.Split(qs, ";") {
		var parts []string
		for _, r := range e.Search(q, 4) {
			parts = append(parts, strings.TrimPrefix(strings.TrimPrefix(r.Contact.Channel, "#govuk-"), "@govuk-")+"="+itoa(r.Score))
		}
		t.Logf("%-35q %s", q, strings.Join(parts, "  "))
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	if neg {
		s = "-" + s
	}
	return s
}
