#!/usr/bin/env bash
# Rewrites docs/CLI.md's command sections from the built binary's own --help texts.
# Usage: docs/regenerate-cli.sh [path/to/perfbench]   (default: .build/debug/perfbench)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/perfbench}
head=$(sed -n '1,/^## perfbench$/p' docs/CLI.md | sed '$d')
{
    printf '%s\n\n' "$head"
    # Every subcommand the binary lists, and import's own subcommands.
    commands=$("$binary" --help | sed -n '/^SUBCOMMANDS:/,$p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')
    for command in "" $commands "import har" "import moodlist-log"; do
        echo "## perfbench${command:+ $command}"
        echo
        echo '```'
        # shellcheck disable=SC2086
        "$binary" $command --help 2>&1 | sed 's/[[:space:]]*$//'
        echo '```'
        echo
    done
} > docs/CLI.md.new
mv docs/CLI.md.new docs/CLI.md
