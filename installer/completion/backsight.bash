# bash completion for backsight
_backsight()
{
    local cur prev words cword
    _init_completion || return
    case "$prev" in
        --db|--input)
            _filedir
            return ;;
        --out|--screenshot)
            _filedir -d
            return ;;
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "--db --demo --out --input --headless --screenshot --help --version" -- "$cur"))
    fi
}
complete -F _backsight backsight
