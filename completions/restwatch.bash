# bash completion for restwatch(1)
_restwatch()
{
	local cur prev cmd i
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	cmd=
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--db) ((i++)) ;;
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done

	case $prev in
	--db | -o | backup)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	import)
		COMPREPLY=($(compgen -f -- "$cur") $(compgen -W "-" -- "$cur"))
		return ;;
	--date | --from | --to)
		COMPREPLY=($(compgen -W "today yesterday -1 -7" -- "$cur"))
		return ;;
	--format)
		COMPREPLY=($(compgen -W "text markdown csv json html pdf" -- "$cur"))
		return ;;
	--paper)
		COMPREPLY=($(compgen -W "a4 letter" -- "$cur"))
		return ;;
	--activity)
		COMPREPLY=($(compgen -W "walking: water-therapy: stretching: cycling: physio: other:" -- "$cur"))
		compopt -o nospace 2>/dev/null
		return ;;
	--symptom)
		COMPREPLY=($(compgen -W "sciatica numbness tingling stiffness spasm leg-pain saddle-numbness bladder-control bowel-control bladder-bowel-change both-legs worsening-weakness sexual-dysfunction major-trauma chest-pain sudden-breathlessness fever unexplained-weight-loss night-pain upper-back-pain back-lump swollen-leg" -- "$cur"))
		return ;;
	--rest | --pain | --weight | --note | --name | --med | --at)
		return ;;
	esac

	case $cmd in
	"")
		COMPREPLY=($(compgen -W "log down up nudge show status report import delete undo config backup check --db --no-color --no-bell --help --version" -- "$cur")) ;;
	log)
		COMPREPLY=($(compgen -W "--date --rest --activity --pain --symptom --med --weight --note --clear-activities --clear-symptoms --clear-meds --future --help" -- "$cur")) ;;
	show)
		COMPREPLY=($(compgen -W "--from --to --json --help" -- "$cur")) ;;
	status)
		COMPREPLY=($(compgen -W "--json --help" -- "$cur")) ;;
	report)
		COMPREPLY=($(compgen -W "--format --from --to --name --paper -o --help" -- "$cur")) ;;
	delete)
		COMPREPLY=($(compgen -W "--date --help" -- "$cur")) ;;
	down | up)
		COMPREPLY=($(compgen -W "--at --help" -- "$cur")) ;;
	nudge | undo | check | backup | import)
		COMPREPLY=($(compgen -W "--help" -- "$cur")) ;;
	config)
		COMPREPLY=($(compgen -W "--reset sleep_hours threshold_hours full_credit_minutes recovery_unloading bedridden_unloading clot_days clot_watch_days gap_hold_days nudge_minutes nudge_from nudge_to muscle_rate_low muscle_rate_high cardio_rate_low cardio_rate_high bone_rate_low bone_rate_high muscle_recovery_factor_low muscle_recovery_factor_high cardio_recovery_factor_low cardio_recovery_factor_high bone_recovery_factor_low bone_recovery_factor_high" -- "$cur")) ;;
	esac
}
complete -F _restwatch restwatch
