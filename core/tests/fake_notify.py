"""A stand-in for GOV.UK Notify's HTTP API, served on the loopback interface for tests.

It checks what the real service checks first (a JWT signed with the API key's secret, issued for the
key's service) and records every message, so tests see exactly what would have reached Notify.
"""

import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt

ROUTES = {"/v2/notifications/email": "email", "/v2/notifications/sms": "sms"}


class FakeNotify:
    def __init__(self, api_key):
        self.service_id = api_key[-73:-37]
        self.secret = api_key[-36:]
        self.sent = []
        self.fail_next = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self):
        host, port = self._server.server_address
        return f"http://{host}:{port}"

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._server.shutdown()
        self._server.server_close()

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                channel = ROUTES.get(self.path)
                if channel is None:
                    return self._reply(404, {"errors": [{"error": "NotFound"}]})
                if not fake._authorised(self.headers.get("Authorization", "")):
                    return self._reply(403, {"errors": [{"error": "AuthError"}]})
                if fake.fail_next:
                    fake.fail_next -= 1
                    return self._reply(500, {"errors": [{"error": "Exception", "message": "Internal server error"}]})
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.sent.append({"channel": channel, **body})
                self._reply(201, {"id": str(uuid.uuid4()), "reference": body.get("reference"), "content": {}})

            def _reply(self, status, payload):
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler

    def _authorised(self, header):
        if not header.startswith("Bearer "):
            return False
        try:
            claims = jwt.decode(header[7:], self.secret, algorithms=["HS256"])
        except jwt.PyJWTError:
            return False
        return claims.get("iss") == self.service_id
