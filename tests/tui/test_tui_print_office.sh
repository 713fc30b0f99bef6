#!/bin/sh
# The editor's print dialog hands DOCX and PDF to perechen-office as a
# child process: its output never reaches the screen, its error comes back
# in Russian on the message line, and the editor goes on with its
# terminal intact.
. "$TESTS_DIR/tui/lib.sh"

FAKE="$WORK/fake"
mkdir "$FAKE" "$WORK/cwd"
cat >"$FAKE/perechen-office" <<EOS
#!/bin/sh
printf '%s\n' "\$@" > "$WORK/handed"
echo "ВЫВОД-ПОМОЩНИКА"
echo "perechen: редакции 7 нет; утверждены редакции 1–2" >&2
exit 1
EOS
chmod +x "$FAKE/perechen-office"
import_example

# print_docx [ENV]: open the editor (with ENV) and ask for a DOCX file.
print_docx() {
	type_line "clear; $* $PERECHEN -d $DB; echo EXITED-\$?"
	wait_for "рабочая версия"
	keys p
	wait_for "Печать перечня"
	keys Right Right
	wait_for "Формат:        ◂ Word (docx) — в файл ▸"
	keys Enter
}

start_shell 120 30
type_line "cd $WORK/cwd"
print_docx "PERECHEN_LIBEXEC=$FAKE"
wait_for "Документ не подготовлен: редакции 7 нет; утверждены редакции 1–2"
expect_not_screen "ВЫВОД-ПОМОЩНИКА"
grep -qx -- "--format" "$WORK/handed" && grep -qx docx "$WORK/handed" &&
	grep -qx -- "--working" "$WORK/handed" ||
	{ cat "$WORK/handed" >&2; fail "the child was not asked for the working copy in DOCX"; }
[ -e "$WORK/cwd/perechen-working.docx" ] && fail "a file was saved though nothing was made"

# The editor goes on; then the real perechen-office makes the file.
keys j
wait_for "Процесс 1 из 5, точка 1"
quit_editor q
print_docx
wait_for "Документ сохранён в файл $WORK/cwd/perechen-working.docx"
[ "$(head -c 2 "$WORK/cwd/perechen-working.docx")" = PK ] || fail "not a DOCX"
quit_editor q
tui_done
