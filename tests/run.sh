#!/bin/sh
# Run every test: the layer check, the cmocka unit/store/io tests, the
# command-line shell tests and the tmux end-to-end tests.
# Usage: tests/run.sh BUILD_DIR
set -u
B=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
export PERECHEN="$top/$B/perechen"
export PERECHEN_SHARE="$top/share/perechen"
export TESTS_DIR="$top/tests"
export LC_ALL=C.UTF-8
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
# The font libraries' caches live as long as perechen-office (lsan.supp).
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
unset PERECHEN_DB PERECHEN_TODAY PERECHEN_LIST PERECHEN_LISTS_DIR

passed=0
failed=0
failures=

run_one() {
	name=$1
	shift
	log="$top/$B/tests/log/$name.log"
	mkdir -p "$(dirname "$log")"
	if "$@" >"$log" 2>&1; then
		passed=$((passed + 1))
		echo "PASS $name"
	else
		failed=$((failed + 1))
		failures="$failures $name"
		echo "FAIL $name (log: $log)"
		tail -n 40 "$log" | sed 's/^/    /'
	fi
}

run_one layers sh tests/check-layers.sh
for t in "$B"/tests/test_*; do
	[ -x "$t" ] || continue
	run_one "$(basename "$t")" "$t"
done
for t in tests/cli/test_*.sh tests/tui/test_*.sh; do
	[ -f "$t" ] || continue
	run_one "$(basename "$(dirname "$t")")/$(basename "$t" .sh)" sh "$t"
done

echo
[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
