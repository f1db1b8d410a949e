"""
Run the command line: ``python -m claimtrack``.
"""

import sys

from claimtrack.cli import main


if __name__ == "__main__":
    sys.exit(main())
