"""Entry points over HTTP: the JSON API under ``/api/v1`` (``clearway.web.api``), built by ``create_app``."""
