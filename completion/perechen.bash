# bash completion for perechen: commands, options, shared list names.
# Installed as /usr/share/bash-completion/completions/perechen.

_perechen_commands()
{
	perechen --help 2>/dev/null |
	    sed -n '/^Команды:/,/^$/{s/^  \([a-z]\+\) .*/\1/p}'
}

# The long options a command's --help names.
_perechen_options()
{
	perechen "$1" --help 2>/dev/null |
	    grep -oE -- '--[a-z][a-z-]*' | sort -u
}

_perechen()
{
	local cur prev cmd i
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	case $prev in
	-l|--list)
		# Only the lists this account has a role in: the program
		# reads the directory, the clerk cannot.
		COMPREPLY=($(compgen -W "$(perechen lists --format names \
		    2>/dev/null)" -- "$cur"))
		return
		;;
	-d|--db|-o|--output)
		COMPREPLY=($(compgen -f -- "$cur"))
		return
		;;
	esac
	cmd=
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-d|--db|-l|--list) ((i++)) ;;
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	if [[ -z $cmd ]]; then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "-d --db -l --list -h --help \
			    -V --version" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$(_perechen_commands)" \
			    -- "$cur"))
		fi
		return
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_perechen_options "$cmd")" \
		    -- "$cur"))
	else
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}
complete -F _perechen perechen
