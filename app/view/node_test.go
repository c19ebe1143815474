package view

import "testing"

// TestHTMLEscapes: text and attribute values are written as text, whatever
// they hold; attributes keep their order; nil children are left out.
func TestHTMLEscapes(t *testing.T) {
	tests := []struct {
		name string
		node *Node
		want string
	}{
		{"text", El("p").Say(`<script>alert("x")</script> & co`), `<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; co</p>`},
		{"attributes", El("a", "href", `x" onclick="y`, "title", `<'&'>`), `<a href="x&#34; onclick=&#34;y" title="&lt;&#39;&amp;&#39;&gt;"></a>`},
		{"at the ends, beside multibyte text", El("p", "title", `"é'`).Say("<é&>"), `<p title="&#34;é&#39;">&lt;é&amp;&gt;</p>`},
		{"order and nil children", El("ul", "id", "l", "class", "c").Add(nil, El("li").Say("a"), nil), `<ul id="l" class="c"><li>a</li></ul>`},
		{"set replaces", El("span", "id", "a").Set("id", "b").Set("hidden", "true"), `<span id="b" hidden="true"></span>`},
	}
	for _, tt := range tests {
		if got := tt.node.HTML(); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}
