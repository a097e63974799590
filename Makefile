# svforms: the two commands a newcomer needs.
#   make run    build and run the server with its embedded defaults (http://127.0.0.1:8080)
#   make test   run the whole test suite (Swift tests, then the real-server and browser tests)

SVFORMS := .build/debug/svforms

.PHONY: run test check build

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
	swift build --product svforms
	swift test
	.venv/bin/python -m pytest Tests/system
