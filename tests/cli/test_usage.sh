#!/bin/sh
# The command line as a clerk meets it: a mistyped command is answered
# with the nearest one, and --help lists the commands in the order of the
# clerk's work.  A wrong option or argument of a command is refused in one
# line that says what is wrong and where the command's help is.
. "$TESTS_DIR/cli/lib.sh"

expect_status 2 "$PERECHEN" exprot
expect_in "$WORK/err" "неизвестная команда «exprot»; может быть, «export»?"
expect_status 2 "$PERECHEN" -d "$DB" stauts --today 01.01.2025
expect_in "$WORK/err" "может быть, «status»?"
expect_status 2 "$PERECHEN" zzzzzz
expect_in "$WORK/err" "неизвестная команда «zzzzzz»; список команд: perechen --help"
expect_not_in "$WORK/err" "может быть"
[ ! -e "$DB" ] || fail "a mistyped command created the list"

expect_status 0 "$PERECHEN" --help
sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' "$WORK/out" | tr '\n' ' ' >"$WORK/order"
[ "$(cat "$WORK/order")" = "init import edit tp process check ack review approve publish status diff order log export print settings users calendar verify backup restore lists " ] ||
	fail "commands not in the order of a clerk's work: $(cat "$WORK/order")"

# One line, exit 2, no usage text: what is wrong and where help is.
one_line() {
	[ "$(wc -l <"$WORK/err")" -eq 1 ] ||
		fail "more than one line for a wrong command line: $(cat "$WORK/err")"
	expect_in "$WORK/err" "справка: perechen $1 --help"
	expect_not_in "$WORK/err" "Использование"
}
expect_status 2 "$PERECHEN" export --bogus
expect_in "$WORK/err" "export: неизвестный параметр «--bogus»"
expect_not_in "$WORK/err" "может быть"
one_line export
expect_status 2 "$PERECHEN" export --outptu x.txt
expect_in "$WORK/err" "неизвестный параметр «--outptu» (может быть, «--output»?)"
one_line export
expect_status 2 "$PERECHEN" export --output
expect_in "$WORK/err" "у параметра «--output» нет значения"
one_line export
expect_status 2 "$PERECHEN" export -o
expect_in "$WORK/err" "у параметра «-o» нет значения"
one_line export
expect_status 2 "$PERECHEN" export -Z
expect_in "$WORK/err" "неизвестный параметр «-Z»"
one_line export
expect_status 2 "$PERECHEN" export --help=yes
expect_in "$WORK/err" "параметр «--help» пишется без значения"
one_line export
expect_status 2 "$PERECHEN" export extra
expect_in "$WORK/err" "лишний аргумент «extra»"
one_line export
expect_status 2 "$PERECHEN" import --quite x.tsv
expect_in "$WORK/err" "может быть, «--quiet»?"
one_line import
expect_status 2 "$PERECHEN" import
expect_in "$WORK/err" "укажите один файл"
one_line import
expect_status 2 "$PERECHEN" calendar --bogus
one_line calendar
for cmd in tp process users; do
	expect_status 2 "$PERECHEN" "$cmd"
	expect_in "$WORK/err" "$cmd: укажите действие"
	one_line "$cmd"
done
expect_status 2 "$PERECHEN" init --bogus
one_line init
[ ! -e "$DB" ] || fail "a wrong option created the list"
exit 0
