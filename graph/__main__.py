"""The ``newsgraph`` command's entry point (also ``python -m graph``).

It imports the command line inside its own ``try``, so that Ctrl-C while spaCy and the
model load (the first seconds) is one line and exit status 130, as it is later on.
"""
from __future__ import annotations

import sys

#: Exit status of a command stopped by Ctrl-C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130


def main() -> None:
    try:
        from graph.cli import main as cli

        cli(prog_name="newsgraph")
    except KeyboardInterrupt:
        print("newsgraph: interrupted", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)


if __name__ == "__main__":
    main()
