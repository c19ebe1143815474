# Ask for help: see README.md.
GO      ?= go
ADDR    ?= localhost:8000
# The newest snapshot in ../shared/docs (folders are named DATE-COMMIT).
DOCS    ?= $(lastword $(sort $(wildcard ../shared/docs/[0-9]*-*)))
OUT     ?= dist
BASE    ?= /
BIN     := bin/askforhelp
WASM    := web/app.wasm
ANSWER  := web/answer.wasm
GOFILES := $(shell find app cmd -name '*.go' -not -name '*_test.go') go.mod go.sum

AXE     := .cache/npm/node_modules/axe-core/axe.min.js
AXE_VERSION := 4.14.1
FUSE    := .cache/npm/node_modules/fuse.js/dist/fuse.min.mjs
FUSE_VERSION := 7.5.0
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test lint build wasm data index static publish bench clean deps screenshot

## run: build the WebAssembly client and the server, then serve on ADDR.
run: build
	$(BIN) serve --addr $(ADDR)

## build: the wasm client (web/app.wasm) and the small wasm that answers
## before it starts (web/answer.wasm), each with .br and .gz beside it, and
## the binary (bin/askforhelp).
build: $(WASM).br $(ANSWER).br $(BIN)

wasm: $(WASM).br $(ANSWER).br

# Compressed at build time, in pure Go, so that serve sends the wasm as
# brotli or gzip to browsers that accept it.
$(WASM).br: $(WASM) $(BIN)
	$(BIN) compress $(WASM)

$(ANSWER).br: $(ANSWER) $(BIN)
	$(BIN) compress $(ANSWER)

# The client links only what the browser needs: the server, the CLI and the
# Markdown reader are behind //go:build !wasm. Nothing is inlined but the
# search (app/search, whose every keystroke is timed): that makes app.wasm
# 55 kB (brotli) smaller than inlining everything but our own packages, which
# made it 11 kB smaller than the default, with the search's p95 unchanged
# (cmd/benchreport/README.md). The small answerer (web/answer.wasm, not in the
# size budget, on the first answer's path) keeps the standard library's and
# the runtime's inlining.
WASMFLAGS := -trimpath -ldflags="-s -w" -gcflags=all=-l -gcflags=github.com/alphagov/askforhelp/app/search=
ANSWERFLAGS := -trimpath -ldflags="-s -w" -gcflags='github.com/...=-l'
# The vocabulary is a Go string made from its text (app/directory/vocabulary.go).
app/directory/vocabulary_gen.go: app/directory/vocabulary.txt
	$(GO) generate ./app/directory

$(WASM): $(GOFILES) app/directory/vocabulary_gen.go
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o $@ ./cmd/askforhelp

# The small wasm (cmd/answer): the data, the search and app/view, no go-app.
$(ANSWER): $(GOFILES) app/directory/vocabulary_gen.go
	GOOS=js GOARCH=wasm $(GO) build $(ANSWERFLAGS) -o $@ ./cmd/answer

$(BIN): $(GOFILES) app/directory/vocabulary_gen.go
	$(GO) build -trimpath -o $@ ./cmd/askforhelp

## deps: what the browser tests need: Debian's chromium and axe-core from npm.
deps: $(AXE)
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

$(AXE):
	npm install --silent --no-audit --no-fund --prefix .cache/npm axe-core@$(AXE_VERSION)

## lint: check the GitHub Actions workflows with actionlint, pinned in go.mod
## as a tool (go tool actionlint); it also checks run: scripts with shellcheck
## when shellcheck is on PATH. Files are named so that it works in a copy of
## the tree without .git (make publish's).
lint:
	$(GO) tool actionlint $(wildcard .github/workflows/*.yml .github/workflows/*.yaml)

## test: every test, browser tests included (they need web/app.wasm), and lint.
test: deps lint $(WASM).br $(ANSWER).br
	$(GO) vet ./...
	@test -z "$$(gofmt -l app cmd)" || { echo "not gofmt'ed:"; gofmt -l app cmd; exit 1; }
	$(GO) test ./...

## data: regenerate the embedded data (app/directory/seed_gen.go and the
## trimmed copy of the docs beside it) from DOCS, a govuk-developer-docs
## checkout, then the index of it (make index).
data:
	$(GO) run ./cmd/askforhelp data --docs $(DOCS) --generate app/directory
	$(GO) generate ./app/directory ./app/search/seedindex

## index: regenerate the vocabulary as Go (app/directory/vocabulary_gen.go)
## and the search index of the embedded data that the small answerer reads
## (app/search/seedindex/index_gen.go), after a change to the vocabulary or
## to how the search indexes; make data runs it too.
index:
	$(GO) generate ./app/directory ./app/search/seedindex

## screenshot: the README's pictures of the answers for "database migration" and "whitehall".
screenshot: deps wasm
	$(GO) test -count=1 -run '^TestScreenshot$$' ./cmd/askforhelp -args -screenshots=$(CURDIR)/cmd/askforhelp/testdata

## static: a static copy of the site in OUT.
static: build
	$(BIN) build --out $(OUT) --base $(BASE)

## publish: what .github/workflows/publish.yml does, without touching this
## tree: in a copy of it (PUBLISH), make data from DOCS, make CHECK (test),
## then the static site into OUT, served under BASE. The copy sits where
## ../shared and the npm packages resolve as here (symlinks). Any step that
## fails stops it, and OUT is only replaced by a complete site.
PUBLISH ?= .cache/publish
CHECK   ?= test
publish:
	@test -d "$(DOCS)" || { echo "make publish: DOCS=$(DOCS) is not a docs checkout" >&2; exit 1; }
	rm -rf $(PUBLISH) && mkdir -p $(PUBLISH)/main/.cache
	tar -c --exclude=./.git --exclude=./.cache --exclude=./bin --exclude=./$(OUT) \
		--exclude='./web/*.wasm*' . | tar -x -C $(PUBLISH)/main
	ln -s $(abspath ../shared) $(PUBLISH)/shared
	mkdir -p .cache/npm && ln -s $(abspath .cache/npm) $(PUBLISH)/main/.cache/npm
	$(MAKE) -C $(PUBLISH)/main data DOCS=$(abspath $(DOCS))
	$(MAKE) -C $(PUBLISH)/main $(CHECK)
	$(MAKE) -C $(PUBLISH)/main static OUT=$(abspath $(OUT)) BASE=$(BASE)

## bench: the size and speed report: the engine's benchmarks, native and in
## wasm, then cmd/benchreport's three tables (the widget beside a plain
## JavaScript baseline, Fuse.js over the same data, on a plain static host and
## under serve; and issue 21's: the baseline, the Go wasm floor page of
## ../shared/bench/go-floor and the widget on the same static host, cold,
## warm and cold on Slow 4G; with the budgets' verdicts) in
## .cache/bench/report.md and .json, then the server under load on loopback
## (cmd/loadbench) in .cache/bench/load.md.
bench: deps wasm $(BIN) $(FUSE)
	@mkdir -p .cache/bench
	$(GO) test -run '^$$' -bench . -benchmem -count 5 ./app/search > .cache/bench/native.txt || { cat .cache/bench/native.txt; exit 1; }
	@cat .cache/bench/native.txt
	GOOS=js GOARCH=wasm $(GO) test -run '^$$' -bench . -benchmem -count 5 -exec="$$($(GO) env GOROOT)/lib/wasm/go_js_wasm_exec" ./app/search > .cache/bench/wasm.txt || { cat .cache/bench/wasm.txt; exit 1; }
	@cat .cache/bench/wasm.txt
	GOOS=js GOARCH=wasm $(GO) test -c -o .cache/bench/search.test.wasm ./app/search
	cp "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" .cache/bench/wasm_exec.js
	@# A broken budget fails make bench, but only once the load figures are in too.
	$(GO) run ./cmd/benchreport --out .cache/bench/report.md --bin $(BIN) --web web --fuse $(FUSE) $(BENCHFLAGS); \
	status=$$?; $(GO) run ./cmd/loadbench --bin $(BIN) --web web --out .cache/bench/load.md && exit $$status

# The bench's baseline searches with Fuse.js, as the measurement in issue 13 did.
$(FUSE):
	npm install --silent --no-audit --no-fund --prefix .cache/npm fuse.js@$(FUSE_VERSION)

clean:
	rm -rf bin $(OUT) $(WASM) $(WASM).br $(WASM).gz $(ANSWER) $(ANSWER).br $(ANSWER).gz
