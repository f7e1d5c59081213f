"""Use cases, each one transaction: the only code that changes stored state.

Routes and commands are thin: they parse, call one service function with the
``Actor`` doing it, and render. Authorisation, rules and the audit entry live here,
inside the caller's unit of work (``clearway.store.db.session_scope``).
"""
