"""`python -m geo.cli ...`, the same as `geo ...`."""
import sys

if __name__ == '__main__':
    from . import main

    sys.exit(main())
