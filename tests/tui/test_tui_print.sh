#!/bin/sh
# The editor's print dialog (p, F9): the printers lpstat -a names, the
# format, the version (the working copy or an approved revision), the
# copies; lp (a fake on PATH recording its argument vector) gets exactly
# the job; a file is saved instead when asked, when lp fails, or when there
# is no lp at all, and the message line says where.
. "$TESTS_DIR/tui/lib.sh"

BIN="$WORK/bin"
NOLP="$WORK/nolp"
CWD="$WORK/cwd"
mkdir "$BIN" "$NOLP" "$CWD"
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
case \$1 in
-r) echo "scheduler is running" ;;
-a) echo "Kanc accepting requests since Mon 01 Jan 2024 10:00:00 AM MSK"
    echo "Buh accepting requests since Mon 01 Jan 2024 10:00:00 AM MSK" ;;
*) exit 1 ;;
esac
EOS
chmod +x "$BIN/lp" "$BIN/lpstat"
# A PATH with the tools of the shell and of tmux, and no lp at all.
for tool in sh env clear stty grep tmux sleep cat; do
	ln -s "$(command -v "$tool")" "$NOLP/$tool"
done

import_example
pdf=no
"$PERECHEN" -d "$DB" export --format pdf -o "$WORK/probe.pdf" \
	>/dev/null 2>&1 && pdf=yes

# lp_arg N: the Nth argument lp got.
lp_arg() {
	sed -n "${1}p" "$WORK/lp.args"
}

# with_path DIRS COMMAND...: run COMMAND (a function too) with PATH=DIRS.
with_path() {
	saved_path=$PATH
	PATH=$1
	shift
	"$@"
	PATH=$saved_path
}

with_path "$BIN:$PATH" start_shell 120 30
type_line "cd $CWD"
open_editor
keys p
wait_for "Печать перечня"
expect_screen "Формат:        ◂ PDF ▸"
expect_screen "Редакция:      ◂ рабочая версия ▸"
expect_screen "Принтер:       ◂ Kanc ▸"
expect_screen "Экземпляров:   ◂ 1 ▸"
# Text to Kanc: lp -d Kanc -n 1 -t TITLE FILE.
keys Right
wait_for "Формат:        ◂ текст (txt) ▸"
keys Enter
wait_gone "Печать перечня"
wait_for "Отправлено на печать: Перечень — рабочая версия, экземпляров: 1; lp: request id is Kanc-7 (1 file(s))"
[ "$(wc -l <"$WORK/lp.args")" = 7 ] && [ "$(sed 6q "$WORK/lp.args")" = \
	"$(printf '%s\n' -d Kanc -n 1 -t "Перечень — рабочая версия")" ] ||
	fail "lp got: $(cat "$WORK/lp.args")"
case $(lp_arg 7) in
/*/perechen.txt) ;;
*) fail "lp got the file $(lp_arg 7)" ;;
esac
[ -e "$(lp_arg 7)" ] && fail "the temporary file was left behind"
grep -q "Почта России" "$WORK/lp.file" || fail "lp got another document"
grep -q "Рабочая версия (не утверждена)" "$WORK/lp.file" ||
	fail "the working copy is not marked so"

# F9; the second printer, three copies, PDF when the build has it.
keys F9
wait_for "Печать перечня"
keys Down Down Right
wait_for "Принтер:       ◂ Buh ▸"
keys Down 3
wait_for "Экземпляров:   ◂ 3 ▸"
keys 5
wait_for "Экземпляров:   ◂ 35 ▸"
keys BSpace
wait_for "Экземпляров:   ◂ 3 ▸"
if [ $pdf = no ]; then
	keys Up Up Up Right
	wait_for "Формат:        ◂ текст (txt) ▸"
fi
keys Enter
wait_for "Отправлено на печать: Перечень — рабочая версия, экземпляров: 3"
[ "$(lp_arg 2)" = Buh ] && [ "$(lp_arg 4)" = 3 ] ||
	fail "lp got: $(cat "$WORK/lp.args")"
if [ $pdf = yes ]; then
	case $(lp_arg 7) in
	*/perechen.pdf) ;;
	*) fail "lp got $(lp_arg 7), not a PDF" ;;
	esac
	[ "$(head -c 5 "$WORK/lp.file")" = "%PDF-" ] || fail "not a PDF"
fi

# Into a file though a printer is there: the printer's choice goes round
# to «сохранить в файл»; the dialog remembers nothing, so txt again.
keys p
wait_for "Печать перечня"
keys Right Down Down Left
wait_for "Принтер:       ◂ сохранить в файл ▸"
rm -f "$WORK/lp.args"
keys Enter
wait_for "Документ сохранён в файл $CWD/perechen-working.txt"
[ -e "$WORK/lp.args" ] && fail "lp ran though a file was asked for"
grep -q "Почта России" "$CWD/perechen-working.txt" || fail "the saved file"

# Word and HTML go to a file whatever the printer.
keys p
wait_for "Печать перечня"
keys Right Right
wait_for "Формат:        ◂ Word (docx) — в файл ▸"
expect_screen "Принтер:       ◂ сохранить в файл ▸"
keys Enter
wait_for "Документ сохранён в файл $CWD/perechen-working.docx"
[ "$(head -c 2 "$CWD/perechen-working.docx")" = PK ] || fail "not a DOCX"

# An approved revision: its title for lp.
"$PERECHEN" -d "$DB" approve --order 27/01-01 --date 19.03.2024 \
	--today 25.03.2024 >/dev/null 2>&1 || fail "approve"
keys p
wait_for "Печать перечня"
keys Right Down Right
wait_for "Редакция:      ◂ ред. 1: приказ от 19.03.2024 № 27/01-01 ▸"
keys Enter
wait_for "Отправлено на печать: Перечень — редакция 1, экземпляров: 1"
[ "$(lp_arg 6)" = "Перечень — редакция 1" ] || fail "lp got: $(cat "$WORK/lp.args")"
grep -q "УТВЕРЖДЕН" "$WORK/lp.file" || fail "the revision has no grif"

# lp refuses: the file is saved and the message says why and where.  The
# working copy, unchanged since approving, is revision 1, grif and all.
touch "$WORK/lp-fails"
keys p
wait_for "Печать перечня"
keys Right Enter
wait_for "Документ сохранён в файл $CWD/perechen-revision-1.txt, а не напечатан: lp не приняла задание"
grep -q "УТВЕРЖДЕН" "$CWD/perechen-revision-1.txt" ||
	fail "the unchanged working copy printed without the grif"
# Esc leaves the dialog doing nothing.
rm -f "$WORK/lp.args"
keys p
wait_for "Печать перечня"
keys Escape
wait_gone "Печать перечня"
[ -e "$WORK/lp.args" ] && fail "Esc printed"
quit_editor q

# No lp, no lpstat: no printers; the document goes to a file, said where.
with_path "$NOLP" start_shell 120 30
type_line "cd $CWD"
open_editor
keys p
wait_for "Печать перечня"
expect_screen "Принтер:       ◂ сохранить в файл ▸"
expect_screen "Принтеров нет: документ будет сохранён в файл."
keys Right Enter
wait_for "Документ сохранён в файл $CWD/perechen-revision-1-2.txt"
grep -q "Почта России" "$CWD/perechen-revision-1-2.txt" || fail "the saved file"
quit_editor q
tui_done
