#!/bin/sh
# Daily copies of every shared list (perechen-backup.service, as root):
# /var/backups/perechen/NAME-YYYY-MM-DD.db, each a consistent copy made
# while clerks keep working; copies older than PERECHEN_BACKUP_DAYS (30)
# days are removed.  Restore one with
#   perechen -l NAME restore /var/backups/perechen/NAME-YYYY-MM-DD.db
set -u
dir=/var/backups/perechen
keep=${PERECHEN_BACKUP_DAYS:-30}
umask 077
mkdir -p "$dir" && chmod 700 "$dir" || exit 1
day=$(date +%Y-%m-%d)
rc=0
for f in /var/lib/perechen/*.db; do
	[ -f "$f" ] || continue
	name=$(basename "$f" .db)
	out="$dir/$name-$day.db"
	[ -e "$out" ] && continue
	perechen -l "$name" backup -o "$out" || rc=1
done
find "$dir" -maxdepth 1 -type f -name '*.db' -mtime +"$keep" -delete
exit $rc
