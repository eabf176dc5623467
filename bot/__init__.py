"""gamesbot: answers questions about a multi-sport Games from a results store.

The package owns nothing by itself; see ``bot/__main__.py`` for how the parts are wired.
"""

__version__ = "0.1.0"
