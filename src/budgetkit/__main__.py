"""``python -m budgetkit``: the command line (:func:`budgetkit.cli.main`), as the ``budgetkit`` script runs it."""

from __future__ import annotations

import sys

from budgetkit.cli import main

if __name__ == "__main__":
    sys.exit(main())
