#!/bin/sh
# perechen import of documents LibreOffice itself writes: the seed's list
# printed as DOCX, converted by LibreOffice (headless) to ODT and back to
# DOCX, imports as the same list as the order's text.  Skipped, saying
# so, where LibreOffice is not installed.
. "$TESTS_DIR/cli/lib.sh"

P=$PERECHEN
if ! command -v soffice >/dev/null 2>&1; then
	echo "SKIP: soffice (LibreOffice) is not installed" >&2
	exit 0
fi

# convert FORMAT FILE: LibreOffice's own conversion into $WORK/lo/.
convert() {
	timeout 180 soffice "-env:UserInstallation=file://$WORK/profile" \
		--headless --convert-to "$1" --outdir "$WORK/lo" "$2" \
		>"$WORK/soffice.log" 2>&1 ||
		fail "soffice --convert-to $1 $2 failed: $(cat "$WORK/soffice.log")"
}

expect_status 0 "$P" -d "$DB" import -q "$SEED_ORDER"
expect_status 0 "$P" -d "$DB" export --format csv -o "$WORK/seed.csv"
expect_status 0 "$P" -d "$DB" export --format docx -o "$WORK/annex.docx"

convert odt "$WORK/annex.docx"
[ -s "$WORK/lo/annex.odt" ] || fail "LibreOffice wrote no ODT"
expect_status 0 "$P" -d "$WORK/odt.db" import "$WORK/lo/annex.odt"
expect_in "$WORK/out" "документ ODT"
expect_status 0 "$P" -d "$WORK/odt.db" export --format csv -o "$WORK/odt.csv"
cmp -s "$WORK/seed.csv" "$WORK/odt.csv" || fail "LibreOffice's ODT reads as another list"

mv "$WORK/lo/annex.odt" "$WORK/lo/from-lo.odt"
convert "docx:MS Word 2007 XML" "$WORK/lo/from-lo.odt"
[ -s "$WORK/lo/from-lo.docx" ] || fail "LibreOffice wrote no DOCX"
expect_status 0 "$P" -d "$WORK/docx.db" import "$WORK/lo/from-lo.docx"
expect_in "$WORK/out" "документ DOCX"
expect_status 0 "$P" -d "$WORK/docx.db" export --format csv -o "$WORK/docx.csv"
cmp -s "$WORK/seed.csv" "$WORK/docx.csv" || fail "LibreOffice's DOCX reads as another list"
exit 0
