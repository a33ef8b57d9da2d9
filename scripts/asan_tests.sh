#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer, in a build folder of its own (.build-asan)
# so the ordinary build is left alone. Arguments go to `swift test` (e.g. --filter Suite).
#
#   scripts/asan_tests.sh [--filter PATTERN]
#
# Heap and stack overflows, use after free and double frees stop the run with a report;
# leak checking is off (objects a lesson keeps until exit are left to the operating system
# on purpose); reports inside third-party libraries are suppressed (scripts/asan.supp). The
# Swift runtime's crash reporter is off so that ASan's report is the one printed. Exit
# status: that of `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:suppressions=$PWD/scripts/asan.supp}"
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"
start=$(date +%s)
status=0
swift test --sanitize=address --build-path .build-asan "$@" || status=$?
echo "asan_tests: swift test --sanitize=address exited $status after $(( $(date +%s) - start )) s"
exit "$status"
