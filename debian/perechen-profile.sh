# /etc/profile.d/perechen.sh - greet a clerk at login with what the list of
# client touchpoints needs (perechen status: approval, publication,
# actualisation and their deadlines, п. 5 of the Порядок).
#
# Active only when /etc/default/perechen says PERECHEN_LOGIN_STATUS=yes.
# The list is $PERECHEN_LIST (a shared list on this server), else
# $PERECHEN_DB, else the account's own.  Runs only in interactive shells,
# says nothing when nothing is due or there is no list, never stops the
# login; sourced, so it neither exits nor leaves variables behind.
case $- in
*i*)
	if grep -qs '^PERECHEN_LOGIN_STATUS=yes' /etc/default/perechen &&
	    command -v perechen >/dev/null 2>&1; then
		perechen status --quiet 2>/dev/null || :
	fi
	;;
esac
