#!/bin/sh
# Run every libFuzzer target: first over its corpus (tests/fuzz/corpus/NAME,
# where every crash found is kept as a regression input), then fuzzing for
# SECONDS seconds.  Prints "N passed, N failed" and fails if any target did.
# Usage: tests/fuzz/run.sh FUZZ_BUILD_DIR SECONDS
set -u
B=$1
SECONDS_EACH=${2:-10}
top=$(cd "$(dirname "$0")/../.." && pwd)
passed=0
failed=0
export PERECHEN_SHARE="$top/share/perechen"
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"
for bin in "$B"/fuzz_*; do
	[ -x "$bin" ] || continue
	name=$(basename "$bin" | sed 's/^fuzz_//')
	corpus="$top/tests/fuzz/corpus/$name"
	work=$(mktemp -d)
	mkdir -p "$corpus"
	# The shipped corpus is read-only input; new finds go to a scratch dir.
	if "$bin" -max_total_time="$SECONDS_EACH" -max_len=65536 \
		-timeout=10 -rss_limit_mb=2048 -print_final_stats=0 \
		-artifact_prefix="$work/" "$work" "$corpus" >"$work/log" 2>&1; then
		passed=$((passed + 1))
		echo "PASS fuzz_$name ($(grep -c . "$work/log") log lines)"
	else
		failed=$((failed + 1))
		echo "FAIL fuzz_$name"
		tail -n 40 "$work/log"
		for a in "$work"/crash-* "$work"/leak-* "$work"/timeout-*; do
			[ -f "$a" ] && echo "artifact kept: $corpus/$(basename "$a")" &&
				cp "$a" "$corpus/"
		done
	fi
	rm -rf "$work"
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" = 0 ]
