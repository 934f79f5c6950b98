"""`python -m geo.cli ...`, the same as `geo ...`."""
import sys

from . import main

sys.exit(main())
