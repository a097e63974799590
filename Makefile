# svforms: the two commands a newcomer needs.
#   make run    build and run the server with its embedded defaults (http://127.0.0.1:8080)
#   make test   run the whole test suite (Swift tests, then the real-server and browser tests)

SVFORMS := .build/debug/svforms

.PHONY: run test check build format

# Rewrites the tree in the committed style (.swift-format); `make test` fails on anything it would change.
format:
	swift format format --in-place --recursive Sources Tests Package.swift

run: build
	$(SVFORMS) serve

build:
	scripts/setup-system.sh
	swift build --product svforms

check: build
	$(SVFORMS) check

test:
	scripts/setup-system.sh
	scripts/install-test-tools.sh
	swift format lint --strict --recursive Sources Tests Package.swift  # .swift-format: 4 spaces, lines up to 150
	swift build --product svforms
	swift test
	.venv/bin/python -m pytest Tests/system
