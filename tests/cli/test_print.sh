#!/bin/sh
# perechen print: lp is run with an argument vector, never a shell (a fake
# lp on PATH records its arguments and the file it was given); without lp,
# with lp failing or with the CUPS scheduler down, the document is saved in
# the current directory instead and the message says where.
. "$TESTS_DIR/cli/lib.sh"

BIN="$WORK/bin"
NOLP="$WORK/nolp"
CWD="$WORK/cwd"
mkdir "$BIN" "$NOLP" "$CWD"
# The fake lp: its arguments one a line, a copy of the file (the command
# removes its own when lp returns), and CUPS's answer; it fails when
# $WORK/lp-fails exists.
cat >"$BIN/lp" <<EOS
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a"; done >"$WORK/lp.args"
for a in "\$@"; do last=\$a; done
cp "\$last" "$WORK/lp.file"
if [ -e "$WORK/lp-fails" ]; then
	echo "lp: Error - The printer or class does not exist." >&2
	exit 1
fi
echo "request id is Kanc-7 (1 file(s))"
EOS
cat >"$BIN/lpstat" <<EOS
#!/bin/sh
if [ "\$1" = -a ] && [ -e "$WORK/queues" ]; then
	cat "$WORK/queues"
	exit 0
fi
[ "\$1" = -r ] || exit 1
if [ -e "$WORK/no-scheduler" ]; then
	echo "scheduler is not running"
else
	echo "scheduler is running"
fi
EOS
chmod +x "$BIN/lp" "$BIN/lpstat"
with_lp() { env PATH="$BIN:$PATH" "$@"; }
without_lp() { env PATH="$NOLP" "$@"; }

expect_status 0 "$PERECHEN" print --help
expect_in "$WORK/out" "Использование: perechen [-d ФАЙЛ] print"
expect_in "$WORK/out" "--printer ИМЯ"

# The header an approved annex needs (R0): the body and the title.
expect_status 0 "$PERECHEN" -d "$DB" init --title "точек взаимодействия" \
	--org "Министерство цифрового развития"
expect_status 0 "$PERECHEN" -d "$DB" process add "Консультирование"
expect_status 0 "$PERECHEN" -d "$DB" tp add 1 --name "Приёмная" \
	--kind "Электронная почта" --contact "priem@example.ru" \
	--need "2.6.2:получение консультации"
for bad in "--copies 0" "--copies 100" "--copies x" "--format html" \
	"--format" "--revision 0" "--revision 1 --working" "--width 10" \
	"--page-length 5" "--bogus" "extra"; do
	rm -f "$WORK/lp.args"
	# shellcheck disable=SC2086 # the words are the arguments
	expect_status 2 with_lp "$PERECHEN" -d "$DB" print $bad
	[ -e "$WORK/lp.args" ] && fail "print $bad ran lp"
done

# To a named printer, two copies, as text: exactly lp -d P -n N -t TITLE
# FILE, the file the text table, removed once lp has it.
expect_status 0 with_lp "$PERECHEN" -d "$DB" print --printer Kanc \
	--copies 2 --format txt
expect_in "$WORK/err" "Отправлено на печать: Перечень — рабочая версия, экземпляров: 2; lp: request id is Kanc-7 (1 file(s))"
file=$(sed -n 7p "$WORK/lp.args")
printf '%s\n' lp -d Kanc -n 2 -t "Перечень — рабочая версия" "$file" |
	sed 1d | cmp -s - "$WORK/lp.args" ||
	fail "lp got: $(cat "$WORK/lp.args")"
case $file in
/*/perechen.txt) ;;
*) fail "lp got the file $file" ;;
esac
[ -e "$file" ] && fail "the temporary file $file was left behind"
expect_status 0 "$PERECHEN" -d "$DB" export --width 80 --page-length 60
cmp -s "$WORK/out" "$WORK/lp.file" || fail "lp got another document"
expect_in "$WORK/lp.file" "Рабочая версия (не утверждена)"

# The default printer: no -d.  A printer's name is one argument, whatever
# it holds: no shell ever sees it.
expect_status 0 with_lp "$PERECHEN" -d "$DB" print --format txt
[ "$(head -n 1 "$WORK/lp.args")" = -n ] || fail "lp got: $(cat "$WORK/lp.args")"
expect_status 0 with_lp "$PERECHEN" -d "$DB" print --format txt \
	--printer "x;>$WORK/pwned;\$(>$WORK/pwned2)"
[ "$(sed -n 2p "$WORK/lp.args")" = "x;>$WORK/pwned;\$(>$WORK/pwned2)" ] ||
	fail "the printer's name was split: $(cat "$WORK/lp.args")"
[ -e "$WORK/pwned" ] || [ -e "$WORK/pwned2" ] && fail "a shell ran the name"

# A name lp would take for an option, or one with a space or a control
# character, is refused before anything runs, saying what is wrong.
tab=$(printf '\t')
esc=$(printf '\033')
for item in "-o:начинается с «-»" "--x=1:начинается с «-»" \
	"Kanc 2:пробел" "Kanc${tab}2:управляющий символ (код 9)" \
	"Kanc${esc}[2J:управляющий символ (код 27)" ":не указано"; do
	name=${item%%:*}
	rm -f "$WORK/lp.args"
	expect_status 2 with_lp "$PERECHEN" -d "$DB" print --format txt \
		--printer "$name"
	expect_in "$WORK/err" "${item#*:}"
	[ -e "$WORK/lp.args" ] && fail "print --printer '$name' ran lp"
done
# When lpstat -a answers, the name must be one of its queues.
printf '%s\n' "Kanc accepting requests since Mon 01 Jan 2024" \
	"Buh accepting requests since Mon 01 Jan 2024" >"$WORK/queues"
rm -f "$WORK/lp.args"
expect_status 1 with_lp "$PERECHEN" -d "$DB" print --format txt --printer Nope
expect_in "$WORK/err" "принтера «Nope» нет среди очередей CUPS, принимающих задания (lpstat -a): Kanc, Buh"
[ -e "$WORK/lp.args" ] && fail "print to an unknown queue ran lp"
expect_status 0 with_lp "$PERECHEN" -d "$DB" print --format txt --printer Buh
[ "$(sed -n 2p "$WORK/lp.args")" = Buh ] || fail "lp got: $(cat "$WORK/lp.args")"
rm -f "$WORK/queues"

# PDF, the default when this build has it.
if "$PERECHEN" -d "$DB" export --format pdf -o "$WORK/probe.pdf" 2>/dev/null
then
	expect_status 0 with_lp "$PERECHEN" -d "$DB" print
	case $(tail -n 1 "$WORK/lp.args") in
	*/perechen.pdf) ;;
	*) fail "default format is not PDF: $(cat "$WORK/lp.args")" ;;
	esac
	[ "$(head -c 5 "$WORK/lp.file")" = "%PDF-" ] || fail "lp got no PDF"
else
	echo "SKIP: this build has no PDF; printing PDF is not tested"
fi

cd "$CWD" || fail "no $CWD"
# lp refuses the job: said plainly, the file saved here, exit 3.
touch "$WORK/lp-fails"
expect_status 3 with_lp "$PERECHEN" -d "$DB" print --format txt --printer Nope
expect_in "$WORK/err" "напечатать не удалось: lp не приняла задание (код 1): lp: Error - The printer or class does not exist."
expect_in "$WORK/err" "Документ сохранён в файл $CWD/perechen-working.txt"
cmp -s "$CWD/perechen-working.txt" "$WORK/lp.file" ||
	fail "the saved file is not the document"
# Again: a new name, the first file kept.
expect_status 3 with_lp "$PERECHEN" -d "$DB" print --format txt
expect_in "$WORK/err" "Документ сохранён в файл $CWD/perechen-working-2.txt"
[ -s "$CWD/perechen-working.txt" ] || fail "the first saved file is gone"
rm -f "$WORK/lp-fails"

# No scheduler: lp is not even tried.
touch "$WORK/no-scheduler"
rm -f "$WORK/lp.args"
expect_status 3 with_lp "$PERECHEN" -d "$DB" print --format txt
expect_in "$WORK/err" "сервер печати CUPS не запущен (lpstat -r: scheduler is not running)"
expect_in "$WORK/err" "Документ сохранён в файл $CWD/perechen-working-3.txt"
[ -e "$WORK/lp.args" ] && fail "lp was run without a scheduler"
rm -f "$WORK/no-scheduler"

# No lp at all.
expect_status 3 without_lp "$PERECHEN" -d "$DB" print --format txt
expect_in "$WORK/err" "не найдена программа lp"
expect_in "$WORK/err" "Документ сохранён в файл $CWD/perechen-working-4.txt"
expect_status 0 "$PERECHEN" -d "$DB" export --width 80 --page-length 60
cmp -s "$WORK/out" "$CWD/perechen-working-4.txt" ||
	fail "the saved file is not the document"

# A document that cannot be written whole (a file size limit: a write
# fails with EFBIG midway) reaches no printer and leaves no file behind,
# neither the temporary one lp would get nor a saved one; said in Russian.
sh "$TESTS_DIR/../bench/gen-list.sh" 5 100 >"$WORK/big.tsv"
expect_status 0 "$PERECHEN" -d "$WORK/big.db" import -q "$WORK/big.tsv"
mkdir "$WORK/tmp"
limited() { (trap '' XFSZ; ulimit -f 128 && exec "$@"); }
formats=txt
"$PERECHEN" -d "$DB" export --format pdf -o "$WORK/probe.pdf" 2>/dev/null &&
	formats="txt pdf"
for f in $formats; do
	expect_status 3 without_lp "$PERECHEN" -d "$WORK/big.db" print \
		--format "$f"
	saved=$(sed -n 's/^Документ сохранён в файл \(.*\) — его.*/\1/p' \
		"$WORK/err")
	[ "$(wc -c <"$saved")" -gt 131072 ] || fail "$f: too small to test"
	rm -f "$saved" "$WORK/lp.args"
	before=$(ls -A "$CWD")
	expect_status 1 limited env PATH="$BIN:$PATH" TMPDIR="$WORK/tmp" \
		"$PERECHEN" -d "$WORK/big.db" print --format "$f"
	expect_in "$WORK/err" "не удалось записать документ в каталог $WORK/tmp: файл слишком велик; недописанный файл удалён; на печать ничего не отправлено"
	[ -e "$WORK/lp.args" ] && fail "$f: lp got a partial document"
	[ -z "$(ls -A "$WORK/tmp")" ] || fail "$f: left in TMPDIR: $(ls -A "$WORK/tmp")"
	# Without lp it goes straight into the current directory: nothing
	# of it stays there either.
	expect_status 1 limited env PATH="$NOLP" "$PERECHEN" \
		-d "$WORK/big.db" print --format "$f"
	expect_in "$WORK/err" "сохранить файл тоже: не удалось записать документ в каталог $CWD: файл слишком велик; недописанный файл удалён"
	[ "$(ls -A "$CWD")" = "$before" ] || fail "$f: left in $CWD: $(ls -A "$CWD")"
done

# A current directory that cannot be written: $XDG_DOCUMENTS_DIR.
if [ "$(id -u)" != 0 ]; then
	mkdir "$WORK/ro" "$WORK/docs"
	chmod 555 "$WORK/ro"
	cd "$WORK/ro" || fail "no $WORK/ro"
	expect_status 3 env XDG_DOCUMENTS_DIR="$WORK/docs" PATH="$NOLP" \
		"$PERECHEN" -d "$DB" print --format txt
	expect_in "$WORK/err" "Документ сохранён в файл $WORK/docs/perechen-working.txt"
	cd "$CWD" || fail "no $CWD"
	chmod 755 "$WORK/ro"
else
	echo "running as root: the unwritable current directory case is skipped"
fi

# An approved revision: its title for lp, its name for the saved file.
if "$PERECHEN" approve --help >/dev/null 2>&1; then
	# The order as typed is checked first, saying what is wrong; nothing
	# is approved.
	long=$(printf '%065d' 0)
	nl=$(printf '5\nод')
	for item in "5-од|1990-12-31|раньше 1991 года" \
		"5-од|2027-01-01|позже 2026 года" \
		"$long|2025-02-03|длиннее 64 символов (65)" \
		"$nl|2025-02-03|номер приказа — одна строка, а в нём перевод строки" \
		"5$(printf '\033')[2J|2025-02-03|управляющий символ (код 27)"; do
		order=${item%%|*}
		rest=${item#*|}
		expect_status 2 "$PERECHEN" -d "$DB" approve --order "$order" \
			--date "${rest%%|*}" --today 2025-02-04
		expect_in "$WORK/err" "${rest#*|}"
	done
	expect_status 0 "$PERECHEN" -d "$DB" log
	expect_not_in "$WORK/out" "утверждение"
	expect_status 0 "$PERECHEN" -d "$DB" approve --order 5-од \
		--date 2025-02-03 --today 2025-02-04
	expect_status 0 with_lp "$PERECHEN" -d "$DB" print --format txt \
		--revision latest
	[ "$(sed -n 4p "$WORK/lp.args")" = "Перечень — редакция 1" ] ||
		fail "lp got: $(cat "$WORK/lp.args")"
	expect_in "$WORK/lp.file" "УТВЕРЖДЕН"
	# The grif's words, whatever the lines they are wrapped into.
	tr -s ' \n' '  ' <"$WORK/lp.file" >"$WORK/lp.words"
	expect_in "$WORK/lp.words" "приказом Министерства цифрового развития"
	expect_status 3 without_lp "$PERECHEN" -d "$DB" print --format txt \
		--revision 1
	expect_in "$WORK/err" "Документ сохранён в файл $CWD/perechen-revision-1.txt"
	expect_status 1 with_lp "$PERECHEN" -d "$DB" print --revision 2
	expect_in "$WORK/err" "редакции 2 нет"
	# Unchanged since approved: a plain print is that revision, with its
	# grif and without «Рабочая версия»; after a change, the working copy.
	expect_status 0 with_lp "$PERECHEN" -d "$DB" print --format txt
	[ "$(sed -n 4p "$WORK/lp.args")" = "Перечень — редакция 1" ] ||
		fail "lp got: $(cat "$WORK/lp.args")"
	expect_in "$WORK/lp.file" "УТВЕРЖДЕН"
	expect_not_in "$WORK/lp.file" "Рабочая версия"
	expect_not_in "$WORK/lp.file" "Редакция 1"
	expect_status 0 "$PERECHEN" -d "$DB" process add "Приём"
	expect_status 0 with_lp "$PERECHEN" -d "$DB" print --format txt
	[ "$(sed -n 4p "$WORK/lp.args")" = "Перечень — рабочая версия" ] ||
		fail "lp got: $(cat "$WORK/lp.args")"
	expect_in "$WORK/lp.file" "Рабочая версия (не утверждена)"
	expect_not_in "$WORK/lp.file" "УТВЕРЖДЕН"
else
	echo "SKIP: no approve command yet; revisions are not printed"
fi
exit 0
