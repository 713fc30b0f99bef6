# words.sh - sourced by the export tests: the seed's list imported as the
# README says, and whether a printed document
# splits a word.  The words a document may print are the words of the CSV
# export (the list's own text, nothing laid out) and of the text table's
# lines above the table (grif, title, caption), and page numbers.  A word
# the document prints that is not one of them was cut.  Lines that end in
# «@ . / -» may go on in the next one (an address or a compound word
# broken where it may be): such pieces count as one word when together
# they are one.  Nothing here depends on how wide any renderer's lines are.

# csv_words CSV : every word of every field of the CSV file (separated by
# «,», as allowed_words exports it: a «;» is text there, as in «+7 (4812)
# 29-25-09; +7(4812) 29-24-91»), one a line; quotes undone, a formula guard
# («'» before = + - @) dropped.
csv_words() {
	awk 'BEGIN { RS = "\001" }
	{
		n = length($0); q = 0; f = ""; start = 1
		for (i = 1; i <= n; i++) {
			c = substr($0, i, 1)
			if (q && c == "\"" && substr($0, i + 1, 1) == "\"") {
				f = f c; i++
			} else if (c == "\"") {
				q = !q; continue
			} else if (!q && (c == "," || c == "\n")) {
				print f; f = ""; start = 1; continue
			} else if (start && c == "'\''" &&
			    substr($0, i + 1, 1) ~ /[=+@-]/) {
				# the guard against formulas: not text
			} else {
				f = f c
			}
			start = 0
		}
		print f
	}' "$1" | tr -s ' \t\r' '\n\n\n' | sed '/^$/d'
}

# allowed_words DB OUT : the words the documents of DB may print, into OUT.
allowed_words() {
	"$PERECHEN" -d "$1" export --format csv --no-bom -o "$1.words.csv" ||
		fail "no CSV of $1"
	"$PERECHEN" -d "$1" export --format txt --width 1000 |
		sed '/┌/,$d' | tr -s ' ' '\n' >"$2.pre" || fail "no text of $1"
	{
		csv_words "$1.words.csv"
		cat "$2.pre"
		echo "–"	# the mark before each of several needs
		seq 1 200
	} | sed '/^$/d' | sort -u >"$2"
	rm -f "$1.words.csv" "$2.pre"
}

# split_words ALLOWED TEXT : print every word of TEXT (lines as a PDF
# reader gives them) that is not in ALLOWED, after joining the pieces of
# words broken at a line's end after «@ . / -».  Prints nothing when no
# word is split.
split_words() {
	sed 's/\xe2\x80\x8b//g; s/\xc2\xad//g' "$2" | awk '
	NR == FNR { ok[$0] = 1
		for (i = 1; i < length($0); i++) prefix[substr($0, 1, i)] = 1
		next }
	function settle() { if (cur != "" && !(cur in ok)) print cur; cur = "" }
	{
		n = split($0, w, /[ \t\f]+/)
		first = 1
		for (i = 1; i <= n; i++) {
			if (w[i] == "") continue
			if (first && glue && (cur w[i]) in prefix ||
			    first && glue && (cur w[i]) in ok) {
				cur = cur w[i]
			} else {
				settle(); cur = w[i]
			}
			first = 0
		}
		glue = cur ~ /[@.\/-]$/
	}
	END { settle() }' "$1" -
}

# html_text HTML OUT : the text of the page's body as a reader sees it:
# tags gone (a <wbr> joins its neighbours), entities undone.
html_text() {
	sed -n '/<body>/,$p' "$1" | sed 's/<wbr>//g; s/&shy;//g;
		s/<[^>]*>/ /g; s/&quot;/"/g; s/&#39;/'\''/g; s/&lt;/</g;
		s/&gt;/>/g; s/&amp;/\&/g' >"$2"
}

# import_seed DB : the list of the order in tests/data as the README's
# recipe imports it, with its body and title, approved as the order was.
import_seed() {
	awk '/^ПЕРЕЧЕНЬ$/ {f=1; next} f && /^№\t/ {t=1} t' \
		"$TESTS_DIR/data/seed-order.txt" >"$1.tsv"
	expect_status 0 "$PERECHEN" -d "$1" import --quiet "$1.tsv"
	expect_status 0 "$PERECHEN" -d "$1" init --org "Министерство \
промышленности и торговли Смоленской области" --title "точек \
взаимодействия с клиентом по вопросам осуществления регионального \
государственного контроля (надзора)"
	expect_status 0 "$PERECHEN" -d "$1" approve --order "27/01-01" \
		--date 19.03.2024 --today 20.03.2024
}
