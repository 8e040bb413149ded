# sitrep — top-level entry points. Everything installs what is missing first.
#   make demo    install deps, build, code the bundled example, print the record
#   make test    install deps, build, run every test (fast + slow tiers)
#   make build   Release build at build/sitrep
#   make bench   throughput benchmarks (results printed; see bench/README.md)
#   make dev     Debug build with warnings as errors at build-dev/
JOBS ?= $(shell nproc)
BUILD ?= build
SHARED ?= ../shared

.PHONY: all deps build dev demo test test-fast bench clean format

all: build

deps:
	@scripts/install-deps

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

dev: deps
	cmake -S . -B build-dev -DCMAKE_BUILD_TYPE=Debug -DSITREP_WERROR=ON
	cmake --build build-dev -j $(JOBS)

demo: build
	@echo "== sitrep code examples/seed-article.txt"
	@$(BUILD)/sitrep code examples/seed-article.txt
	@echo "== sitrep extract examples/seed-article.txt"
	@$(BUILD)/sitrep extract examples/seed-article.txt | head -c 600; echo " ..."

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 900

test-fast: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L fast

bench: build
	@scripts/bench $(BUILD)/sitrep $(SHARED)

format:
	clang-format -i $$(git ls-files 'src/*.h' 'src/*.cc' 'tests/*.cc' 'bench/*.cc')

clean:
	rm -rf $(BUILD) build-dev
