#!/bin/sh
# The layering rule of ARCHITECTURE.md, enforced: core includes only libc,
# ui never sqlite or iconv, io and store do not know each other, only ui
# includes curses, only store sqlite, only io iconv.
cd "$(dirname "$0")/.." || exit 1
fail=0
breach() {
	# $1 = directory, $2 = forbidden include pattern, $3 = why
	hits=$(grep -nE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($2)" \
		-r "$1" --include='*.c' --include='*.h' 2>/dev/null)
	if [ -n "$hits" ]; then
		echo "layer breach ($3):"
		echo "$hits"
		fail=1
	fi
}
breach src/core 'n?curses|sqlite3|iconv|store|export|import|charset|ui|zip\.h|libxml|pango|cairo|nettle' "core is libc only"
breach src/store 'n?curses|iconv|charset|export|import|csv_import|ui\.h|zip\.h|libxml|pango|cairo' "store knows only core"
breach src/io 'n?curses|sqlite3|store|nettle' "io knows only core"
breach src/ui 'sqlite3|iconv|zip\.h|libxml|pango|cairo|export|charset|printout|nettle' "ui never touches sqlite, iconv or the writers"
breach src/app 'sqlite3\.h|n?curses|iconv\.h|zip\.h|libxml|pango|cairo|nettle' "app goes through the layers"
breach include 'n?curses|sqlite3\.h|iconv\.h|zip\.h|libxml|pango|cairo|nettle' "public headers stay library-neutral"
if [ $fail = 0 ]; then
	echo "layers: ok"
fi
exit $fail
