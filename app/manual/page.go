//go:build !wasm

package manual

import (
	"path"
	"strings"
	"unicode"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Page is what the reader keeps of a manual page: its front matter, its
// headings and its text.
type Page struct {
	// Rel is the page's path under source/manual, with "/" separators.
	Rel string
	// Front is the front matter block as written, without its fences; ""
	// when the page has none.
	Front string
	// Fields are the front matter's top-level single-valued fields.
	Fields map[string]string
	// Headings are the page's headings down to MaxHeadingLevel, in page
	// order.
	Headings []Heading
	// Text is the rest of what a reader of the page reads, as plain text:
	// paragraphs, list items and deeper headings, one space between
	// blocks. Code blocks and raw HTML are left out: they are commands
	// and markup, not what the page is about.
	Text string

	hasFront bool
}

// MaxHeadingLevel is the deepest heading the reader keeps: a page's
// sections (h2) name its topics; h3 and below, its steps, would nearly
// double the headings' share of app.wasm (5 to 10 kB brotli for the 2024
// docs) for little the search needs.
const MaxHeadingLevel = 2

// Heading is a heading's level (1 to MaxHeadingLevel) and plain text.
type Heading struct {
	Level int
	Text  string
}

// ParsePage reads a manual page's front matter and headings. name is the
// file name used in errors, rel its path under source/manual.
func ParsePage(name, rel string, src []byte) (*Page, error) {
	if err := checkText(name, src); err != nil {
		return nil, err
	}
	values, body, offset, err := splitFrontMatter(name, src)
	if err != nil {
		return nil, err
	}
	p := &Page{Rel: rel, Fields: values, hasFront: offset > 0}
	if p.hasFront {
		p.Front = frontBlock(string(src))
	}
	doc := goldmark.New().Parser().Parse(text.NewReader(body))
	var prose []string
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if t := inlineText(n, body); t != "" && n.Level <= MaxHeadingLevel {
				p.Headings = append(p.Headings, Heading{n.Level, t})
			} else if t != "" {
				prose = append(prose, t)
			}
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			if t := inlineText(n, body); t != "" {
				prose = append(prose, t)
			}
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	p.Text = strings.Join(prose, " ")
	return p, nil
}

// frontBlock is the text between a page's front matter fences.
func frontBlock(src string) string {
	_, rest, _ := strings.Cut(strings.TrimPrefix(src, "\uFEFF"), "\n")
	block, _, _, _ := cutFence(rest)
	return block
}

// inlineText is a heading's or a paragraph's text as a reader sees it:
// escapes and entities resolved, code spans and links as their text, raw
// HTML left out, white space collapsed.
func inlineText(h ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Segment.Value(src)
				if _, code := c.Parent().(*ast.CodeSpan); !code {
					v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
				}
				b.Write(v)
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.AutoLink:
				b.Write(c.Label(src))
			case *ast.RawHTML:
			default:
				walk(c)
			}
		}
	}
	walk(h)
	return oneLine(b.String())
}

// Title is the page's title: its front matter's, else its first heading,
// else its file name.
func (p *Page) Title() string {
	if t := p.Fields["title"]; t != "" {
		return t
	}
	if len(p.Headings) > 0 {
		return p.Headings[0].Text
	}
	return strings.TrimSuffix(path.Base(p.URL()), ".html")
}

// URL is where the page is published: its path under source/manual
// without ".md" or ".md.erb".
func (p *Page) URL() string {
	rel := strings.TrimSuffix(strings.TrimSuffix(p.Rel, ".erb"), ".md")
	return directory.ManualURL + rel
}

// Entry is the page as the directory keeps it.
func (p *Page) Entry() directory.ManualPage {
	m := directory.ManualPage{
		Title:   p.Title(),
		URL:     p.URL(),
		Section: p.Fields["section"],
		Owner:   p.Fields["owner_slack"],
	}
	for _, h := range p.Headings {
		m.Headings = append(m.Headings, h.Text)
	}
	return m
}

// Trimmed is the page cut down to what the reader uses: the front matter as
// written, the headings, and the text as one paragraph, each escaped so that
// it reads back as the same text.
func (p *Page) Trimmed() []byte {
	var b strings.Builder
	if p.hasFront {
		b.WriteString("---\n" + p.Front + "---\n")
	}
	for _, h := range p.Headings {
		b.WriteString("\n" + strings.Repeat("#", h.Level) + " " + escapeMarkdown(h.Text) + "\n")
	}
	if p.Text != "" {
		b.WriteString("\n" + escapeText(p.Text) + "\n")
	}
	return []byte(b.String())
}

// escapeText backslash-escapes every ASCII punctuation character of s, and
// writes "&" as an entity, so that s read as a paragraph is s: no list
// marker, heading, emphasis, link or entity can start in it.
func escapeText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r < 128 && (unicode.IsPunct(r) || unicode.IsSymbol(r)):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// escapeMarkdown backslash-escapes the characters that could start inline
// Markdown in a heading (emphasis, code, links, HTML, entities, a closing
// "#" sequence), so that the text reads back as itself.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>&#~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
