"""`python -m kehoach.cli`: the same as the `kehoach` command."""

import sys

from . import main

sys.exit(main())
