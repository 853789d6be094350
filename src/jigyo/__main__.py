"""`python -m jigyo`: the same as the `jigyo` command."""

from jigyo.cli import main

if __name__ == "__main__":
    main()
