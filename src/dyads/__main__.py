"""`python -m dyads` runs the command line."""

from dyads.cli import main

main()
