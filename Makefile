# shaipin — build, demo and test. Two commands on a fresh machine:
#   make demo   builds shaipin and writes the report for the embedded sample
#   make test   runs every test (Go unit, CLI, browser) and compiles every
#               release target
#   make release  the release archives in dist/ (GoReleaser)
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null | sed 's/^v//' | grep . || echo dev)
ASSET   := charts/assets/echarts.min.js
PLACES  := places/assets/places.tsv
# The systems the release is built for, GOOS/GOARCH.
TARGETS := windows/amd64 windows/arm64 darwin/arm64 darwin/amd64 linux/amd64
# GoReleaser, pinned in tools/go.mod so that its hundreds of modules stay
# out of shaipin's go.mod; built on first use, then cached.
GORELEASER := $(GO) tool -modfile=tools/go.mod goreleaser
# GoReleaser takes the commit (and so the tag's version) only from a
# repository with a remote; a clone without one gets a stand-in for the run.
RELEASE_ENV := $(if $(shell git remote 2>/dev/null),,GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=remote.origin.url GIT_CONFIG_VALUE_0=$(CURDIR))

.PHONY: all build demo test assets vet cross release bench fuzz clean

all: build

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

# ECharts from npm, tree-shaken to the charts we use, embedded by go:embed.
$(ASSET): node_modules/.package-lock.json charts/echarts-entry.js charts/build-echarts.mjs
	node charts/build-echarts.mjs

# The gazetteer (names, codes, county centres) from npm, embedded by go:embed.
$(PLACES): node_modules/.package-lock.json package-lock.json places/build-places.mjs
	node places/build-places.mjs

assets: $(ASSET) $(PLACES)

build: assets
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o shaipin .

demo: build
	./shaipin rank
	./shaipin report -o report

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }

test: assets vet cross
	$(GO) test -count=1 ./...

# Every release target compiles, and vet (tests included) sees the
# Windows-only files: a Windows compile error cannot land unnoticed.
cross:
	@for t in $(TARGETS); do \
		echo "GOOS=$${t%/*} GOARCH=$${t#*/} $(GO) build ./..."; \
		GOOS=$${t%/*} GOARCH=$${t#*/} $(GO) build ./... || exit 1; \
	done
	GOOS=windows $(GO) vet ./...

# The archives, checksums.txt and binaries in dist/. At a tag the version
# is the tag's; otherwise a snapshot, such as 0.0.1-dev+7719606.
release: assets
	@if git describe --tags --exact-match >/dev/null 2>&1; then \
		echo $(GORELEASER) release --clean --skip=publish; \
		$(RELEASE_ENV) $(GORELEASER) release --clean --skip=publish; \
	else \
		echo $(GORELEASER) release --clean --snapshot; \
		$(RELEASE_ENV) $(GORELEASER) release --clean --snapshot; \
	fi

# Each fuzz target for FUZZTIME (CI: a short run; locally: go test -fuzz … -fuzztime 10m).
FUZZTIME ?= 10s
fuzz:
	for t in FuzzParseText FuzzParsePeriod FuzzRead; do \
		$(GO) test ./data -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s || exit 1; \
	done

# Generates the realistic city/province/national workbooks (cached in
# testdata/bench), times the read floor, `shaipin report` and the pandas +
# openpyxl peer (bench/peer.py; skipped with a note without pandas) on each,
# BENCH_N runs each (median), and prints the tables for the README; then
# the package benchmarks. BENCH_CASES picks cases (city,province-1,…).
BENCH_N      ?= 3
BENCH_PEER_N ?= 1
BENCH_CASES  ?=
bench: build
	$(GO) run ./bench -bin ./shaipin -dir testdata/bench -n $(BENCH_N) -peer-n $(BENCH_PEER_N) -case "$(BENCH_CASES)"
	$(GO) test -run '^$$' -bench . -benchmem ./rank/
	SHAIPIN_BENCH_DIR=$(CURDIR)/testdata/bench $(GO) test -run '^$$' -bench Excel -benchmem ./out/
	SHAIPIN_BENCH_DIR=$(CURDIR)/testdata/bench $(GO) test -run '^$$' -bench 'PageSpeed|WriteScale' -benchtime 3x ./charts/

clean:
	rm -rf shaipin report dist build $(ASSET) $(PLACES)
