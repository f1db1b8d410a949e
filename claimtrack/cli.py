"""
The command line: ``claimtrack`` (or ``python -m claimtrack``).

`main` runs it; `ExitCode` says what each exit code means. See
:doc:`cli` for every command.
"""

from claimtrack._cli import ExitCode, main


__all__ = ["ExitCode", "main"]
