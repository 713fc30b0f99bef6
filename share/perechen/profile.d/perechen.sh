# /etc/profile.d/perechen.sh - greet a clerk at login with what the list of
# client touchpoints needs (perechen status: approval, publication,
# actualisation and their deadlines, п. 5 of the Порядок).
#
# Install: cp share/perechen/profile.d/perechen.sh /etc/profile.d/
# It runs only in interactive shells, says nothing when nothing is due or
# when the account keeps no list (no database: perechen status exits 3),
# and never fails or stops the login.  The list is the one perechen uses
# by default, or $PERECHEN_DB if it is set (e.g. in /etc/environment for a
# list shared by several clerks).
#
# This file is sourced by the login shell: it must not call exit or
# return, and it leaves no variables or functions behind.
case $- in
*i*)
	if command -v perechen >/dev/null 2>&1; then
		perechen status --quiet 2>/dev/null || :
	fi
	;;
esac
