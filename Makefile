# SPDX-License-Identifier: GPL-3.0-or-later
#
#   make run    install what is missing, build, start Wenji on your library
#   make test   install what is missing, build, run every test (GUI under Xvfb),
#               then the core, CLI, renderer and GUI tests again under
#               AddressSanitizer and UndefinedBehaviorSanitizer, where any
#               report fails the run

BUILDDIR ?= _build
SANITIZE_BUILDDIR ?= _build-sanitize
MESON_OPTIONS ?=

# Any report stops the test program, so the test fails.
SANITIZE_ENV = ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/build-aux/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	G_SLICE=always-malloc
# GTK keeps much of what it allocates until the process ends, so the GUI
# tests look for memory errors and undefined behaviour, not leaks.
SANITIZE_GUI_ENV = ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	G_SLICE=always-malloc

.PHONY: all deps build run test test-sanitize clean

all: build

deps:
	@./build-aux/install-deps.sh

$(BUILDDIR)/build.ninja:
	meson setup $(BUILDDIR) $(MESON_OPTIONS)

build: deps $(BUILDDIR)/build.ninja
	meson compile -C $(BUILDDIR)

run: build
	GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data $(BUILDDIR)/src/app/wenji

# Both runs happen even when the first fails; either failing fails the target.
test: build
	@status=0; \
	./build-aux/run-tests.sh $(BUILDDIR) || status=1; \
	$(MAKE) --no-print-directory test-sanitize || status=1; \
	exit $$status

$(SANITIZE_BUILDDIR)/build.ninja:
	meson setup $(SANITIZE_BUILDDIR) $(MESON_OPTIONS) -Db_sanitize=address,undefined -Db_lundef=false

# meson test builds only what the suites need; the sanitizers make them
# about three times slower. The GUI run keeps its own log (gui-testlog).
test-sanitize: deps $(SANITIZE_BUILDDIR)/build.ninja
	@status=0; \
	$(SANITIZE_ENV) meson test -C $(SANITIZE_BUILDDIR) --print-errorlogs --timeout-multiplier 3 \
		--suite core --suite cli --suite render || status=1; \
	$(SANITIZE_GUI_ENV) ./build-aux/run-tests.sh $(SANITIZE_BUILDDIR) --timeout-multiplier 4 \
		--logbase gui-testlog --suite app || status=1; \
	exit $$status

clean:
	rm -rf $(BUILDDIR) $(SANITIZE_BUILDDIR)
