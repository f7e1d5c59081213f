"""Pure rules: no database, web framework, HTTP or file I/O lives here.

Every entry point (the CLI today, the API and review screens later) calls these
functions, so that all of them give the same answer.
"""
