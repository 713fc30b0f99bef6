#!/bin/sh
# make bench-readme: put the table of the last make bench (RESULTS) into
# README between the lines <!-- bench:begin --> and <!-- bench:end -->,
# replacing what was there; README is left alone unless both are found.
# Usage: bench/readme.sh RESULTS README
set -eu
results=${1:?usage: bench/readme.sh RESULTS README}
readme=${2:?usage: bench/readme.sh RESULTS README}
begin='<!-- bench:begin -->'
end='<!-- bench:end -->'
[ -s "$results" ] || { echo "bench: no results in $results (make bench)" >&2; exit 1; }
[ "$(grep -cxF "$begin" "$readme")" = 1 ] &&
    [ "$(grep -cxF "$end" "$readme")" = 1 ] || {
	echo "bench: $readme needs one line '$begin' and one '$end'" >&2
	exit 1
}
new=$(mktemp "$readme.XXXXXX")
trap 'rm -f "$new"' EXIT
awk -v begin="$begin" -v end="$end" -v results="$results" '
	$0 == begin {
		print
		print ""
		while ((getline line < results) > 0) print line
		print ""
		skip = 1
		next
	}
	$0 == end { skip = 0 }
	!skip
' "$readme" > "$new"
cat "$new" > "$readme"
echo "bench: the table in $readme is now that of $results" >&2
