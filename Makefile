# SPDX-License-Identifier: Apache-2.0
# carecoord — the two commands are `make run` and `make test` (on Debian 12, as root or with sudo).
#
#   make run     build, load the demo into ./data/carecoord.db, print its logins, serve on :8080
#   make test    set up, build (debug with ASan+UBSan, release, web) and run every test
#   make build   the release binary, build/release/src/cli/carecoord
#   make web     the web app, web/dist (its API types come from the release binary)
#   make setup   install the Debian packages and npm dependencies that are missing
#   make clean   remove build output (keeps ./data)

SHELL := /bin/bash
.DEFAULT_GOAL := help
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: help setup build web run test clean

help:
	@sed -n 's/^#   make /  make /p' $(MAKEFILE_LIST)

setup:
	@scripts/setup

build: setup
	cmake --preset release
	cmake --build --preset release -j $(JOBS) --target carecoord

# The web build generates its API types from `carecoord openapi`, so it needs the binary.
web: build
	cd web && npm run build

run: build web
	@scripts/run-demo

test:
	@scripts/test

clean:
	rm -rf build web/dist
