//go:build !wasm

package manual

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// parseYAML parses one YAML document (data/repos.yml, or a page's front
// matter that starts on line offset+1 of its file) into its top node, or
// nil when the document is empty. Syntax errors are reported at the file's
// line.
func parseYAML(name string, src []byte, offset int) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, yamlError(name, err, offset)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parserProblems are the messages of yaml.v3's parser (as opposed to its
// scanner) errors. yaml.v3 v3.0.6 numbers their lines from 0 (it adds the
// 1 only to scanner errors, decode.go's parser.fail), so the reader adds
// it; TestYAMLErrorLines fails if the library changes this.
var parserProblems = []string{
	"did not find expected ',' or ",
	"did not find expected '-' indicator",
	"did not find expected <",
	"did not find expected key",
	"did not find expected node content",
	"found duplicate %",
	"found incompatible YAML document",
	"found undefined tag handle",
}

// yamlError turns the library's "yaml: line N: msg" into an Error at the
// file's line.
func yamlError(name string, err error, offset int) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		for _, p := range parserProblems {
			if strings.HasPrefix(m[2], p) {
				n++
				break
			}
		}
		return &Error{File: name, Line: n + offset, Msg: "invalid YAML: " + m[2]}
	}
	return &Error{File: name, Line: offset + 1, Msg: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
}

// kindName says what a YAML node is, for errors.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return "the value " + quote(n.Value)
}

// field is one "key: value" of a YAML mapping.
type field struct {
	key, value *yaml.Node
}

// fields lists a mapping's pairs, aliases resolved.
func fields(m *yaml.Node) []field {
	var fs []field
	for i := 0; i+1 < len(m.Content); i += 2 {
		v := m.Content[i+1]
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		fs = append(fs, field{m.Content[i], v})
	}
	return fs
}

// unquotedChannel matches a YAML comment that is really a channel written
// without quotes.
var unquotedChannel = regexp.MustCompile(`^#[A-Za-z0-9][A-Za-z0-9._-]*$`)

// scalar is a field's value as text: "" for null, an error for a list or a
// mapping. An unquoted "team: #channel" is a comment to YAML, so its value is
// null and the channel is the key's line comment: it is read as the value,
// since that is what its author meant (the workaround lives only here;
// TestUnquotedChannel fails if the library stops parsing it that way).
func scalar(name string, f field) (string, error) {
	v := f.value
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
		if c := strings.TrimSpace(f.key.LineComment); v.Value == "" && unquotedChannel.MatchString(c) {
			return c, nil
		}
		return "", nil
	case v.Kind == yaml.ScalarNode:
		return oneLine(v.Value), nil
	}
	return "", &Error{File: name, Line: v.Line, Msg: quote(f.key.Value) + ": expected a single value, found " + kindName(v)}
}

// truthy reads a YAML boolean loosely: true, "true", yes.
func truthy(s string) bool {
	switch strings.ToLower(s) {
	case "true", "yes", "y", "on":
		return true
	}
	return false
}

// oneLine is text on one line: control characters (the generated tables'
// separators among them) as spaces, runs of white space as one space.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
