# Ask for help: see README.md.
GO      ?= go
ADDR    ?= localhost:8000
PAGE    ?= app/directory/ask-for-help.html.md
OUT     ?= dist
BIN     := bin/askforhelp
WASM    := web/app.wasm
GOFILES := $(shell find app cmd -name '*.go' -not -name '*_test.go') go.mod go.sum

AXE     := .cache/npm/node_modules/axe-core/axe.min.js
AXE_VERSION := 4.14.1
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build wasm data static bench clean deps

## run: build the WebAssembly client and the server, then serve on ADDR.
run: build
	$(BIN) serve --addr $(ADDR)

## build: the wasm client (web/app.wasm) and the binary (bin/askforhelp).
build: $(WASM) $(BIN)

wasm: $(WASM)

# The client links only what the browser needs: the server, the CLI and the
# Markdown reader are behind //go:build !wasm.
$(WASM): $(GOFILES) app/directory/vocabulary.txt
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $@ ./cmd/askforhelp

$(BIN): $(GOFILES) app/directory/vocabulary.txt
	$(GO) build -trimpath -o $@ ./cmd/askforhelp

## deps: what the browser tests need: Debian's chromium and axe-core from npm.
deps: $(AXE)
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

$(AXE):
	npm install --silent --no-audit --no-fund --prefix .cache/npm axe-core@$(AXE_VERSION)

## test: every test, browser tests included (they need web/app.wasm).
test: deps $(WASM)
	$(GO) vet ./...
	@test -z "$$(gofmt -l app cmd)" || { echo "not gofmt'ed:"; gofmt -l app cmd; exit 1; }
	$(GO) test ./...

## data: regenerate the embedded data from PAGE (default: the page the widget ships with).
data:
	$(GO) run ./cmd/askforhelp data --page $(PAGE) --generate app/directory

## static: a static copy of the site in OUT.
static: build
	$(BIN) build --out $(OUT)

## bench: the engine's benchmarks, native and in wasm.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./app/search
	GOOS=js GOARCH=wasm $(GO) test -run '^$$' -bench . -exec="$$($(GO) env GOROOT)/lib/wasm/go_js_wasm_exec" ./app/search

clean:
	rm -rf bin $(OUT) $(WASM) $(WASM).br $(WASM).gz
