# perechen - a terminal editor for the list of client touchpoints.
#
#   make            build build/perechen
#   make run        build, make a demo list from the shipped example, open it
#   make check      build with ASan+UBSan and run every test
#   make fuzz       run each libFuzzer target briefly (FUZZ_SECONDS each)
#   make bench      perechen against VisiData and sqlite3 (SIZES=...)
#   make bench-readme  the last bench table into README.md
#   make install    PREFIX=/usr/local DESTDIR=
#   make deb        the Debian package, build/deb/perechen_VERSION_ARCH.deb

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
DATADIR   = $(PREFIX)/share
MANDIR    = $(DATADIR)/man
SHAREDIR  = $(DATADIR)/perechen
LIBEXECDIR = $(PREFIX)/libexec
LOCALSTATEDIR ?= /var
LISTSDIR  = $(LOCALSTATEDIR)/lib/perechen

CC       ?= cc
B        ?= build
SAN      ?= 0
FUZZ_SECONDS ?= 10
SIZES    ?= 10000 100000 1000000

CFLAGS   ?= -O2 -g
WARN      = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	    -Wmissing-prototypes -Wno-missing-field-initializers
DEFS      = -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 \
	    -DPERECHEN_VERSION='"$(VERSION)"' -DPERECHEN_SHAREDIR='"$(SHAREDIR)"' \
	    -DPERECHEN_LISTSDIR='"$(LISTSDIR)"'
DEFS     += -DPERECHEN_LIBEXECDIR='"$(LIBEXECDIR)/perechen"'
SQLITE_CFLAGS := $(shell pkg-config --cflags sqlite3 2>/dev/null)
SQLITE_LIBS   := $(shell pkg-config --libs sqlite3 2>/dev/null)
# SHA-256 of the log's hash chain (Debian nettle-dev), in src/store only.
NETTLE_CFLAGS := $(shell pkg-config --cflags nettle 2>/dev/null)
NETTLE_LIBS   := $(shell pkg-config --libs nettle 2>/dev/null)
CURSES_CFLAGS := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,\
		 $(shell pkg-config --cflags ncursesw 2>/dev/null)) -DNCURSES_WIDECHAR=1
CURSES_LIBS   := $(shell pkg-config --libs ncursesw 2>/dev/null)
CMOCKA_CFLAGS := $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell pkg-config --libs cmocka 2>/dev/null)
# glibc has iconv; other libcs link GNU libiconv: make ICONV_LIBS=-liconv
ICONV_LIBS ?=
# DOCX is a zip made with libzip (Debian libzip-dev), in src/io only.
ZIP_CFLAGS    := $(shell pkg-config --cflags libzip 2>/dev/null)
ZIP_LIBS      := $(shell pkg-config --libs libzip 2>/dev/null)
# Office documents are read for import with libxml2's streaming reader
# (Debian libxml2-dev) and libzip; these are the objects that use them.
XML_CFLAGS    := $(shell pkg-config --cflags libxml-2.0 2>/dev/null)
XML_LIBS      := $(shell pkg-config --libs libxml-2.0 2>/dev/null)
IMPORT_OFFICE_SRC = src/io/import_office.c src/io/import_docx.c \
		    src/io/import_odt.c src/io/import_xlsx.c
IO_CFLAGS     = $(ZIP_CFLAGS) $(XML_CFLAGS)

# PDF through pango and cairo (Debian libpango1.0-dev): on when pkg-config
# finds them, off with make WITH_PDF=0.  Only export_pdf.o sees pango (the
# fuzz build compiles it without, as a stub).  PDF_ASKED is the choice made
# on the command line, for deps-check.  cairo 1.16 tags the PDF's structure.
PDF_PKGS  = pangocairo pangoft2 fontconfig 'cairo-pdf >= 1.16'
ifeq ($(origin WITH_PDF),undefined)
WITH_PDF := $(shell pkg-config --exists $(PDF_PKGS) 2>/dev/null && echo 1 || echo 0)
PDF_ASKED :=
else
PDF_ASKED := $(WITH_PDF)
endif
ifeq ($(WITH_PDF),1)
PDF_CFLAGS := -DPERECHEN_WITH_PDF=1 $(shell pkg-config --cflags $(PDF_PKGS) 2>/dev/null)
PDF_LIBS   := $(shell pkg-config --libs $(PDF_PKGS) 2>/dev/null)
endif

ifeq ($(SAN),1)
SANFLAGS  = -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	    -fno-omit-frame-pointer
CFLAGS    = -O1 -g
endif

ALL_CFLAGS  = $(WARN) $(CFLAGS) $(SANFLAGS) $(CPPFLAGS) $(DEFS) -Iinclude
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS)

CORE_SRC  = $(sort $(wildcard src/core/*.c))
STORE_SRC = $(sort $(wildcard src/store/*.c))
# The office formats: linked only into perechen-office, so that perechen
# (the editor) loads no pango, cairo, harfbuzz, libzip or libxml2.  A new
# reader or writer that needs those libraries joins OFFICE_SRC, and is
# reached from src/app only through office.h (office_linked.c).
OFFICE_SRC = src/io/export_docx.c src/io/export_pdf.c $(IMPORT_OFFICE_SRC)
# perechen's stand-in for the office importer: refuses (it never gets a
# package but from a pipe; a named one is handed over).
IMPORT_ABSENT = src/io/import_office_absent.c
IO_SRC    = $(filter-out $(OFFICE_SRC) $(IMPORT_ABSENT),$(sort $(wildcard src/io/*.c)))
UI_SRC    = $(sort $(wildcard src/ui/*.c))
# Which of the two executables a link makes: one of these objects.
OFFICE_SIDE = src/app/office_linked.c src/app/office_absent.c
APP_SRC   = $(filter-out $(OFFICE_SIDE),$(sort $(wildcard src/app/*.c)))

obj = $(patsubst %.c,$(B)/obj/%.o,$(1))

LIBCORE   = $(B)/libperechen-core.a
LIBSTORE  = $(B)/libperechen-store.a
LIBIO     = $(B)/libperechen-io.a
LIBUI     = $(B)/libperechen-ui.a
LIBOFFICE = $(B)/libperechen-office.a
BIN       = $(B)/perechen
OFFICE_BIN = $(B)/perechen-office

UNIT_TESTS  = $(patsubst tests/unit/%.c,$(B)/tests/%,$(wildcard tests/unit/test_*.c))
STORE_TESTS = $(patsubst tests/store/%.c,$(B)/tests/%,$(wildcard tests/store/test_*.c))
IO_TESTS    = $(patsubst tests/io/%.c,$(B)/tests/%,$(wildcard tests/io/test_*.c))
TEST_BINS   = $(UNIT_TESTS) $(STORE_TESTS) $(IO_TESTS)

.PHONY: all run check tests fuzz fuzz-build bench bench-readme install \
	install-data uninstall clean deps deb \
	deps-check demo
.DEFAULT_GOAL := all
# Keep object files that pattern rules build on the way (fuzz objects).
.SECONDARY:

all: $(BIN) $(OFFICE_BIN)

$(B)/obj/src/store/%.o: src/store/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SQLITE_CFLAGS) $(NETTLE_CFLAGS) -MMD -MP -c $< -o $@
$(B)/obj/src/ui/%.o: src/ui/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CURSES_CFLAGS) -MMD -MP -c $< -o $@
$(B)/obj/src/io/%.o: src/io/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(IO_CFLAGS) -MMD -MP -c $< -o $@
$(B)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@
# Rebuilt when WITH_PDF changes: the stamp file holds its value.
$(B)/obj/src/io/export_pdf.o: src/io/export_pdf.c $(B)/with-pdf
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(IO_CFLAGS) $(PDF_CFLAGS) -MMD -MP -c $< -o $@
# perechen's default print format follows what perechen-office writes.
$(B)/obj/src/app/office_absent.o: src/app/office_absent.c $(B)/with-pdf
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(if $(filter 1,$(WITH_PDF)),-DPERECHEN_WITH_PDF=1) \
		-MMD -MP -c $< -o $@
$(B)/with-pdf: FORCE
	@mkdir -p $(@D)
	@echo $(WITH_PDF) | cmp -s - $@ || echo $(WITH_PDF) > $@
# Phony: .SECONDARY would let a missing FORCE count as up to date.
.PHONY: FORCE
FORCE:

$(LIBCORE): $(call obj,$(CORE_SRC))
$(LIBSTORE): $(call obj,$(STORE_SRC))
$(LIBIO): $(call obj,$(IO_SRC))
$(LIBUI): $(call obj,$(UI_SRC))
$(LIBOFFICE): $(call obj,$(OFFICE_SRC))
$(LIBCORE) $(LIBSTORE) $(LIBIO) $(LIBUI) $(LIBOFFICE):
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(call obj,$(APP_SRC) src/app/office_absent.c $(IMPORT_ABSENT)) \
	$(LIBUI) $(LIBIO) $(LIBSTORE) $(LIBCORE)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CURSES_LIBS) $(SQLITE_LIBS) $(NETTLE_LIBS) $(ICONV_LIBS)
# The io library and the office one call each other (the importer reads
# packages through the office readers, which use its tables): the
# libraries are linked as one group.
office_group = $(filter %.o,$(1)) \
	-Wl,--start-group $(filter %.a,$(1)) -Wl,--end-group
$(OFFICE_BIN): $(call obj,$(APP_SRC) src/app/office_linked.c) $(LIBUI) \
	$(LIBOFFICE) $(LIBIO) $(LIBSTORE) $(LIBCORE)
	$(CC) $(ALL_LDFLAGS) -o $@ $(call office_group,$^) $(CURSES_LIBS) $(SQLITE_LIBS) \
		$(NETTLE_LIBS) $(ICONV_LIBS) $(ZIP_LIBS) $(XML_LIBS) $(PDF_LIBS)

# Tests link only the layers they test: core tests never see SQLite or curses.
$(B)/obj/tests/%.o: tests/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -MMD -MP -c $< -o $@
$(UNIT_TESTS): $(B)/tests/%: $(B)/obj/tests/unit/%.o $(LIBCORE)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CMOCKA_LIBS)
$(STORE_TESTS): $(B)/tests/%: $(B)/obj/tests/store/%.o $(LIBSTORE) $(LIBCORE)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CMOCKA_LIBS) $(SQLITE_LIBS) $(NETTLE_LIBS)
$(IO_TESTS): $(B)/tests/%: $(B)/obj/tests/io/%.o $(LIBOFFICE) $(LIBIO) $(LIBCORE)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $(call office_group,$^) $(CMOCKA_LIBS) $(ICONV_LIBS) $(ZIP_LIBS) $(PDF_LIBS) \
		$(XML_LIBS)

tests: $(BIN) $(OFFICE_BIN) $(TEST_BINS)

deps:
	@sh .ci/deps build
deps-check:
	@WITH_PDF=$(PDF_ASKED) sh .ci/deps check

DEMO_DB = $(B)/demo.db
DEMO_SRC = share/perechen/examples/smolensk-promtorg.tsv

$(DEMO_DB): $(BIN) $(DEMO_SRC)
	rm -f $@ $@-wal $@-shm
	$(BIN) -d $@ import --quiet $(DEMO_SRC)

demo: $(DEMO_DB)

run: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory demo
	$(BIN) -d $(DEMO_DB)

check: deps-check
	@$(MAKE) --no-print-directory B=build/check SAN=1 tests
	@sh tests/run.sh build/check
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(CHECK_FUZZ_SECONDS)

CHECK_FUZZ_SECONDS ?= 5

# libFuzzer targets: tests/fuzz/fuzz_<name>.c, built with clang against the
# core and io sources.  Each runs its corpus (every crash found stays there
# as a regression input) and then fuzzes for FUZZ_SECONDS.
FUZZ_B      = build/fuzz
FUZZ_CFLAGS = -std=c11 -g -O1 -fsanitize=fuzzer-no-link,address,undefined \
	      $(DEFS) -Iinclude
FUZZ_SRC    = $(CORE_SRC) $(IO_SRC) $(OFFICE_SRC)
FUZZ_OBJS   = $(patsubst %.c,$(FUZZ_B)/obj/%.o,$(FUZZ_SRC))
FUZZ_BINS   = $(patsubst tests/fuzz/%.c,$(FUZZ_B)/%,$(wildcard tests/fuzz/fuzz_*.c))

$(FUZZ_B)/obj/%.o: %.c
	@mkdir -p $(@D)
	clang $(FUZZ_CFLAGS) $(IO_CFLAGS) -MMD -MP -c $< -o $@
$(FUZZ_B)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJS)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(ICONV_LIBS) $(ZIP_LIBS) \
		$(XML_LIBS)

fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_B) $(FUZZ_SECONDS)

# The editor's search timed at the store (bench/search.c).
$(B)/bench/search: $(B)/obj/bench/search.o $(LIBSTORE) $(LIBCORE)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(SQLITE_LIBS) $(NETTLE_LIBS)

# SIZES="10000 100000" for a shorter run; bench-readme puts the last
# results into README.md between its bench markers.
bench: all $(B)/bench/search
	@sh .ci/deps bench
	@SIZES="$(SIZES)" sh bench/run.sh $(BIN) $(B)/bench/results.md

bench-readme:
	@test -f $(B)/bench/results.md || $(MAKE) bench
	@sh bench/readme.sh $(B)/bench/results.md README.md

install: all install-data
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/perechen
	install -d $(DESTDIR)$(LIBEXECDIR)/perechen
	install -m 755 $(OFFICE_BIN) \
		$(DESTDIR)$(LIBEXECDIR)/perechen/perechen-office

# Data and manual only (the tests install these next to a built binary).
install-data:
	install -d $(DESTDIR)$(SHAREDIR)/examples \
		$(DESTDIR)$(SHAREDIR)/calendar $(DESTDIR)$(SHAREDIR)/profile.d \
		$(DESTDIR)$(MANDIR)/man1
	install -m 644 share/perechen/profile.d/perechen.sh \
		$(DESTDIR)$(SHAREDIR)/profile.d/
	install -m 644 share/perechen/*.tsv $(DESTDIR)$(SHAREDIR)/
	install -m 644 share/perechen/examples/* $(DESTDIR)$(SHAREDIR)/examples/
	for f in share/perechen/calendar/*; do \
		[ -f "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(SHAREDIR)/calendar/; \
	done; true
	install -m 644 man/perechen.1 $(DESTDIR)$(MANDIR)/man1/perechen.1
	install -D -m 644 completion/perechen.bash \
		$(DESTDIR)$(DATADIR)/bash-completion/completions/perechen

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/perechen $(DESTDIR)$(MANDIR)/man1/perechen.1 \
		$(DESTDIR)$(DATADIR)/bash-completion/completions/perechen
	rm -rf $(DESTDIR)$(LIBEXECDIR)/perechen
	rm -rf $(DESTDIR)$(SHAREDIR)

# The Debian package, built from a copy of the tree in build/deb (so that
# dpkg-buildpackage writes nothing beside the tree): build/deb/perechen_*.deb
DEB_B = build/deb
deb:
	rm -rf $(DEB_B)
	mkdir -p $(DEB_B)/perechen-$(VERSION)
	tar -cf - --exclude=./build --exclude=./.git . | \
		tar -C $(DEB_B)/perechen-$(VERSION) -xf -
	cd $(DEB_B)/perechen-$(VERSION) && dpkg-buildpackage -us -uc -b
	@ls $(DEB_B)/perechen_*.deb

clean:
	rm -rf build

-include $(shell find $(B)/obj $(FUZZ_B)/obj -name '*.d' 2>/dev/null)
