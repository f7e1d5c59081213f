"""The demo's webhook receiver: a small HTTP server on 127.0.0.1 that checks each webhook's
signature with the ``standardwebhooks`` library and prints what arrived."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError


def start_receiver(host: str, port: int, secret: str) -> ThreadingHTTPServer:
    """A running receiver (a daemon thread); ``shutdown()`` stops it."""
    verifier = Webhook(secret)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            try:
                verifier.verify(body, dict(self.headers.items()))
            except WebhookVerificationError as error:
                self.send_response(401)
                self.end_headers()
                print(f"webhook refused: {error}", flush=True)
                return
            event = json.loads(body)
            self.send_response(204)
            self.end_headers()
            data = event.get("data", {})
            print(
                f"webhook {self.headers['webhook-id']}: {event.get('type')} request {data.get('request_id')} "
                f"v{data.get('version')} {data.get('state')} (signature valid)",
                flush=True,
            )

        def log_message(self, format: str, *args: object) -> None:
            return  # one line per webhook is printed above

    server = ThreadingHTTPServer((host, port), Handler)
    threading.Thread(target=server.serve_forever, name="demo-webhook-receiver", daemon=True).start()
    return server
