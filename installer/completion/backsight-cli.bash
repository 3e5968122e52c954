# bash completion for backsight-cli
_backsight_cli()
{
    local cur prev words cword
    _init_completion || return

    local commands="import stats events generate eval train detect anomalies servers iforest models report case watch"
    local i command=""
    for ((i = 1; i < cword; i++)); do
        case "${words[i]}" in
            --db) ((i++)) ;;
            -*) ;;
            *) command="${words[i]}"; break ;;
        esac
    done

    case "$prev" in
        --db|--labels|--out|--events-out|--exec)
            _filedir
            return ;;
        --format)
            case "$command" in
                events) COMPREPLY=($(compgen -W "csv jsonl" -- "$cur")) ;;
                anomalies) COMPREPLY=($(compgen -W "jsonl csv table" -- "$cur")) ;;
                report) COMPREPLY=($(compgen -W "pdf csv jsonl" -- "$cur")) ;;
                generate) COMPREPLY=($(compgen -W "veeam-folder veeam-zip graph diagnostic csv" -- "$cur")) ;;
            esac
            return ;;
        --min-severity)
            COMPREPLY=($(compgen -W "low medium high critical" -- "$cur"))
            return ;;
        --table)
            COMPREPLY=($(compgen -W "signins service audits" -- "$cur"))
            return ;;
    esac

    if [[ -z "$command" ]]; then
        if [[ "$cur" == -* ]]; then
            COMPREPLY=($(compgen -W "--db --help --version" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        fi
        return
    fi

    if [[ "$cur" == -* ]]; then
        # Every command lists its own options in --help; read them from there.
        local options
        options=$("${words[0]}" "$command" --help 2>/dev/null | grep -oE -- '--[a-z][a-z-]*' | sort -u)
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return
    fi
    case "$command" in
        import|watch|iforest) _filedir ;;
        case) [[ $cword -eq $((i + 1)) ]] && COMPREPLY=($(compgen -W "status note tag show log" -- "$cur")) ;;
    esac
}
complete -F _backsight_cli backsight-cli
