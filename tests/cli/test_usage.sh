#!/bin/sh
# The command line as a clerk meets it: a mistyped command is answered
# with the nearest one, and --help lists the commands in the order of the
# clerk's work.
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
[ "$(cat "$WORK/order")" = "init import edit tp process check ack review approve publish status diff log export print settings users calendar " ] ||
	fail "commands not in the order of a clerk's work: $(cat "$WORK/order")"
exit 0
