# shaipin — build, demo and test. Two commands on a fresh machine:
#   make demo   builds shaipin and writes the report for the embedded sample
#   make test   runs every test (Go unit, CLI, browser)
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
ASSET   := charts/assets/echarts.min.js
PLACES  := places/assets/places.tsv

.PHONY: all build demo test assets vet bench fuzz clean

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

test: assets vet
	$(GO) test -count=1 ./...

# Each fuzz target for FUZZTIME (CI: a short run; locally: go test -fuzz … -fuzztime 10m).
FUZZTIME ?= 10s
fuzz:
	for t in FuzzParseText FuzzParsePeriod FuzzRead; do \
		$(GO) test ./data -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s || exit 1; \
	done

# Generates the synthetic city/province/national workbooks (cached in
# testdata/bench), runs the report on each and prints the table for the
# README; then the rank benchmarks.
bench: build
	$(GO) run ./bench -bin ./shaipin -dir testdata/bench
	$(GO) test -run '^$$' -bench . -benchmem ./rank/
	SHAIPIN_BENCH_DIR=$(CURDIR)/testdata/bench $(GO) test -run '^$$' -bench Excel -benchmem ./out/
	SHAIPIN_BENCH_DIR=$(CURDIR)/testdata/bench $(GO) test -run '^$$' -bench 'PageSpeed|WriteScale' -benchtime 3x ./charts/

clean:
	rm -rf shaipin report $(ASSET) $(PLACES)
