"""`python -m geo ...`, the same as the `geo` command."""
import sys

if __name__ == '__main__':       # not when a spawned worker process re-imports the main module
    from .cli import main

    sys.exit(main())
