# SPDX-License-Identifier: GPL-3.0-or-later
#
#   make run    install what is missing, build, start Wenji on your library
#   make test   install what is missing, build, run every test (GUI under Xvfb)

BUILDDIR ?= _build
MESON_OPTIONS ?=

.PHONY: all deps build run test clean

all: build

deps:
	@./build-aux/install-deps.sh

$(BUILDDIR)/build.ninja:
	meson setup $(BUILDDIR) $(MESON_OPTIONS)

build: deps $(BUILDDIR)/build.ninja
	meson compile -C $(BUILDDIR)

run: build
	GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data $(BUILDDIR)/src/app/wenji

test: build
	./build-aux/run-tests.sh $(BUILDDIR)

clean:
	rm -rf $(BUILDDIR)
