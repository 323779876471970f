import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from webhooks import delivery
from webhooks.models import CHOSEN_EVENTS, Endpoint


@pytest.fixture(autouse=True)
def local_targets(settings):
    """The receiving server listens on 127.0.0.1 over plain HTTP."""
    settings.WEBHOOK_LOCAL_TARGETS = True


class Receiver:
    """A partner's endpoint on this machine: it records what it is sent and answers each
    request with the next of `answers` (200 once they run out)."""

    def __init__(self):
        self.received: list[dict] = []
        self.answers: list[int] = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"])).decode()
                with receiver.lock:
                    receiver.received.append({"headers": dict(self.headers), "body": body})
                    code = receiver.answers.pop(0) if receiver.answers else 200
                self.send_response(code)
                if code in (301, 302, 307):
                    self.send_header("Location", "http://127.0.0.1:9/elsewhere")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/msmt"

    @property
    def payloads(self) -> list[dict]:
        return [json.loads(request["body"]) for request in self.received]

    def events(self) -> list[tuple[str, str | None]]:
        return [
            (payload["type"], payload["data"].get("reference") or payload["data"].get("symbol"))
            for payload in self.payloads
        ]


@pytest.fixture
def receiver():
    receiver = Receiver()
    thread = threading.Thread(target=receiver.server.serve_forever, daemon=True)
    thread.start()
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()


@pytest.fixture
def register(receiver):
    def make(owner, events=None, url=None) -> Endpoint:
        endpoint = Endpoint(
            owner=owner,
            name="Mirror",
            url=url or receiver.url,
            events=list(events or CHOSEN_EVENTS),
        )
        return delivery.save(endpoint)

    return make
