# Shell integration: completions, man page, install (tests: Tests/shell/run.sh).
#
#   make generate-shell   rewrite completions/ and man/ from the debug binary (builds it first)
#   make check-shell      test them in real bash, zsh and fish, lint the man page, test install
#                         (part of `make test`; apt: bash-completion zsh fish mandoc man-db)
#   make install          release build, then install-files from it
#   make install-files    install BIN (stripped), the man page and the completions under
#                         $(DESTDIR)$(PREFIX)
#   make uninstall        remove exactly what install-files installed
#
# LLMROUTE_BIN=path      use this binary for generate-shell and check-shell instead of building
#                        one (e.g. LLMROUTE_BIN=.build-x/debug/llmroute)
# BIN=path               the binary install-files copies (default: the release build)
# INSTALL_STRIP=         install BIN as built, symbol table included (default -s: stripped)

SHELL_ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))..)
SWIFT ?= swift
PREFIX ?= /usr/local
DESTDIR ?=
LLMROUTE_BIN ?=
BIN ?= $(SHELL_ROOT)/.build/release/llmroute
# Symbols and debug info are about half of the static release binary (README, "Binary size"); only
# a debugger or a symbolicated crash backtrace reads it; the build tree keeps the full binary.
INSTALL_STRIP ?= -s

# The installed files, each with its source; uninstall removes exactly these.
SHELL_BIN_DEST := $(DESTDIR)$(PREFIX)/bin/llmroute
SHELL_MAN_DEST := $(DESTDIR)$(PREFIX)/share/man/man1/llmroute.1
SHELL_BASH_DEST := $(DESTDIR)$(PREFIX)/share/bash-completion/completions/llmroute
SHELL_ZSH_DEST := $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_llmroute
SHELL_FISH_DEST := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/llmroute.fish

# A debug binary: LLMROUTE_BIN when given, else `swift build`'s (built here, so a fresh clone works).
SHELL_DEBUG_BIN = $$(if [ -n "$(LLMROUTE_BIN)" ]; then echo "$(LLMROUTE_BIN)"; \
	else cd $(SHELL_ROOT) && $(SWIFT) build >&2 && echo "$$($(SWIFT) build --show-bin-path)/llmroute"; fi)

TEST_CHECKS += check-shell

.PHONY: generate-shell check-shell install install-files uninstall

generate-shell:
	bin="$(SHELL_DEBUG_BIN)" && bash $(SHELL_ROOT)/Scripts/shell/regenerate.sh "$$bin"

check-shell:
	bin="$(SHELL_DEBUG_BIN)" && LLMROUTE_BIN="$$bin" bash $(SHELL_ROOT)/Tests/shell/run.sh

# A recursive make, not a second prerequisite: with -j, install-files must not run before the
# release build has finished.
install: release
	$(MAKE) -C $(SHELL_ROOT) install-files BIN="$(SHELL_ROOT)/.build/release/llmroute"

install-files:
	install -Dm755 $(INSTALL_STRIP) "$(BIN)" "$(SHELL_BIN_DEST)"
	install -Dm644 $(SHELL_ROOT)/man/llmroute.1 "$(SHELL_MAN_DEST)"
	install -Dm644 $(SHELL_ROOT)/completions/llmroute.bash "$(SHELL_BASH_DEST)"
	install -Dm644 $(SHELL_ROOT)/completions/_llmroute "$(SHELL_ZSH_DEST)"
	install -Dm644 $(SHELL_ROOT)/completions/llmroute.fish "$(SHELL_FISH_DEST)"

uninstall:
	rm -f "$(SHELL_BIN_DEST)" "$(SHELL_MAN_DEST)" "$(SHELL_BASH_DEST)" "$(SHELL_ZSH_DEST)" "$(SHELL_FISH_DEST)"
