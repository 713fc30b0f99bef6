#!/bin/sh
# perechen export --format pdf end to end: the example list approved and
# written as PDF (grif, title, caption, every touchpoint, pages numbered
# from the second), to a file and down a pipe; the page settings reach the
# PDF; a missing font fails and leaves no file.  Built without PDF, the
# command says how to get it.  The PDF is read back with poppler-utils.
. "$TESTS_DIR/cli/lib.sh"

expect_status 0 "$PERECHEN" -d "$DB" import --quiet "$EXAMPLE"

if ! "$PERECHEN" -d "$DB" export --format pdf -o "$WORK/probe.pdf" \
	2>"$WORK/err"; then
	expect_in "$WORK/err" "эта сборка perechen без PDF: установите libpango1.0-dev"
	[ -e "$WORK/probe.pdf" ] && fail "a PDF was written without PDF support"
	echo "SKIP: this build has no PDF (WITH_PDF=0); only the refusal is tested"
	exit 0
fi
for tool in pdftotext pdfinfo; do
	command -v $tool >/dev/null 2>&1 || {
		echo "SKIP: $tool not installed (poppler-utils)"
		exit 0
	}
done

expect_status 0 "$PERECHEN" -d "$DB" approve --order "27/01-01" \
	--date 19.03.2024 --today 20.03.2024
expect_status 0 "$PERECHEN" -d "$DB" export --revision latest \
	-o "$WORK/list.pdf"
[ "$(head -c 5 "$WORK/list.pdf")" = "%PDF-" ] || fail "not a PDF"
ls "$WORK" | grep -q '\.tmp$' && fail "a temporary file was left"
pdftotext -raw "$WORK/list.pdf" "$WORK/list.txt" || fail "pdftotext failed"
tr -s ' \n' '  ' <"$WORK/list.txt" >"$WORK/flat.txt"
expect_in "$WORK/flat.txt" "УТВЕРЖДЕН приказом Министерства промышленности и"
expect_in "$WORK/flat.txt" "от 19.03.2024 № 27/01-01 ПЕРЕЧЕНЬ"
expect_in "$WORK/flat.txt" "Редакция 1"
for tp in "Официальный сайт" "Телефонная связь" "Почта России" \
	"Видеоконференцсвязь"; do
	expect_in "$WORK/flat.txt" "$tp"
done
pages=$(pdfinfo "$WORK/list.pdf" | sed -n 's/^Pages: *//p')
[ "$pages" -ge 2 ] || fail "the example list fits $pages page(s)"
n=2
while [ $n -le "$pages" ]; do
	first=$(pdftotext -raw -f $n -l $n "$WORK/list.pdf" - | head -n 2 |
		tr '\n' ' ')
	[ "$first" = "$n № " ] || fail "page $n starts '$first'"
	n=$((n + 1))
done

# Down a pipe the same document.
"$PERECHEN" -d "$DB" export --revision latest --format pdf -o - |
	cat >"$WORK/piped.pdf"
[ "$(head -c 5 "$WORK/piped.pdf")" = "%PDF-" ] || fail "no PDF down the pipe"
[ "$(pdfinfo "$WORK/piped.pdf" | sed -n 's/^Pages: *//p')" = "$pages" ] ||
	fail "the piped PDF differs in pages"

# The page settings reach the PDF.
expect_status 0 "$PERECHEN" -d "$DB" settings page.orientation альбомная
expect_status 0 "$PERECHEN" -d "$DB" export -o "$WORK/wide.pdf"
pdfinfo "$WORK/wide.pdf" >"$WORK/info"
expect_in "$WORK/info" "841.89 x 595.276 pts"

# A font that is not installed: said so, nothing written, old file kept.
cp "$WORK/wide.pdf" "$WORK/keep.pdf"
expect_status 0 "$PERECHEN" -d "$DB" settings page.font "Нет Такого Шрифта"
expect_status 1 "$PERECHEN" -d "$DB" export -o "$WORK/keep.pdf"
expect_in "$WORK/err" "шрифт «Нет Такого Шрифта» не установлен"
cmp -s "$WORK/wide.pdf" "$WORK/keep.pdf" || fail "the old PDF was touched"
ls "$WORK" | grep -q '\.tmp$' && fail "a temporary file was left"
exit 0
