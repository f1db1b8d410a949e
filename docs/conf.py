"""
Sphinx configuration: the Markdown pages of docs/, rendered with MyST.

Build with ``pip install -e ".[docs]" && sphinx-build -W -b html docs
docs/_build``.
"""

project = "claimtrack"
author = "The claimtrack developers"
copyright = "2026, The claimtrack developers"  # noqa: A001

extensions = ["myst_parser"]
myst_enable_extensions = ["deflist"]
myst_heading_anchors = 3
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "report"]  # report/ is downloaded, not built
html_theme = "furo"
html_title = "claimtrack"
