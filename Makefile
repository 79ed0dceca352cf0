# Roneo's build and test entry points. `make test` is what CI runs.

GO ?= go
export GOFLAGS ?= -buildvcs=false

.PHONY: all build test test-go deps validators demo bench fuzz clean

all: build

build:
	$(GO) build -o bin/roneo ./cmd/roneo

# Run the site with demo content on the embedded SQLite database.
demo:
	$(GO) run ./cmd/roneo serve --demo

# PostgreSQL for the tests: every machine of ours runs one on loopback with trust
# authentication. Tests make their own schemas in it and drop them afterwards.
RONEO_TEST_POSTGRES ?= postgres://postgres@127.0.0.1:5432/test?sslmode=disable
export RONEO_TEST_POSTGRES

# The whole test suite. It installs what the tests need when it is missing: Debian's
# chromium for the browser tests, the HTML and accessibility validators, and an
# S3-compatible server for the media tests. A test that cannot run here for want of one
# of them is skipped, and the reasons are printed at the end; in CI (CI=true) it fails.
SKIPPED := $(CURDIR)/.cache/skipped.txt

# The race detector also checks every unsafe pointer conversion (checkptr). modernc.org's
# SQLite is C translated to Go, made of such conversions: checking them made every SQLite
# call in the tests twice as slow and checks none of our code, which keeps the check.
# (Leaving modernc.org out of the race detector altogether is faster still, but the
# detector then misses the locking done in it, and reports races in database/sql.)
RACEFLAGS := -race -gcflags=modernc.org/...=-d=checkptr=0

# Tests' temporary directories go to memory when the machine has a memory file system:
# each test makes its own databases, and waiting for the disk to sync them is most of
# their time on a busy machine.
TESTTMP = $(shell [ -d /dev/shm ] && [ -w /dev/shm ] && mktemp -d /dev/shm/roneo-test.XXXXXX)

test: deps
	@mkdir -p .cache && rm -f $(SKIPPED)
	@tmp=$(TESTTMP); status=0; \
	TMPDIR=$${tmp:-$${TMPDIR:-/tmp}} RONEO_SKIPPED=$(SKIPPED) RONEO_VALIDATORS=$(CURDIR)/.cache/validators RONEO_BIN=$(CURDIR)/.cache/bin \
		$(GO) test $(RACEFLAGS) -count=1 -timeout 30m ./... || status=$$?; \
	[ -z "$$tmp" ] || rm -rf "$$tmp"; \
	./scripts/report-skipped.sh $(SKIPPED); \
	exit $$status

# Tests without the race detector, for a quick check while working.
test-go:
	$(GO) test -count=1 ./...

deps:
	./scripts/install-test-deps.sh

# The HTML and accessibility validators alone, from ../shared/tools/validators.
validators:
	./scripts/install-test-deps.sh validators

bench:
	$(GO) run ./bench

fuzz:
	$(GO) test -run='^$$' -fuzz=FuzzRouting -fuzztime=60s ./internal/site/
	$(GO) test -run='^$$' -fuzz=FuzzMarkdown -fuzztime=60s ./internal/render/
	$(GO) test -run='^$$' -fuzz=FuzzText -fuzztime=60s ./internal/render/
	$(GO) test -run='^$$' -fuzz=FuzzParse -fuzztime=60s ./internal/urls/
	$(GO) test -run='^$$' -fuzz=FuzzWrite -fuzztime=60s ./internal/feed/
	$(GO) test -run='^$$' -fuzz=FuzzAbsolutize -fuzztime=60s ./internal/feed/
	$(GO) test -run='^$$' -fuzz=FuzzCleanXML -fuzztime=30s ./internal/feed/
	$(GO) test -run='^$$' -fuzz=FuzzLoc -fuzztime=30s ./internal/sitemap/
	$(GO) test -run='^$$' -fuzz=FuzzClean -fuzztime=60s ./internal/photo/
	$(GO) test -run='^$$' -fuzz=FuzzMatch -fuzztime=30s ./internal/hosts/
	$(GO) test -run='^$$' -fuzz=FuzzNewsArticle -fuzztime=30s ./internal/jsonld/
	$(GO) test -run='^$$' -fuzz=FuzzLayout -fuzztime=30s ./internal/card/

clean:
	rm -rf bin .cache
