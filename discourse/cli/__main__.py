"""``python -m discourse.cli``: the command line."""
import sys

from .app import main

if __name__ == "__main__":  # a local cluster's worker processes import this module too
    sys.exit(main())
