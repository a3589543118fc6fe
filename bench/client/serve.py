#!/usr/bin/env python3
"""Paddock's advisories API as the client sees it, for the benchmark: serves DATA/advisories.json at
GET /api/v1/advisories on 127.0.0.1:PORT with an ETag, 304 when If-None-Match names it, and only the advisories
updated after `since` when asked with one. Usage: serve.py DATA PORT (stop it with a signal)."""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

DATA, PORT = sys.argv[1], int(sys.argv[2])
with open(DATA + "/advisories.json", "rb") as f:
    WHOLE = f.read()
ADVISORIES = json.loads(WHOLE)["advisories"]


class Api(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urlparse(self.path)
        if url.path != "/api/v1/advisories":
            self.send_error(404)
            return
        since = parse_qs(url.query).get("since", [None])[0]
        etag = '"bench-%s"' % (since or "all")
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        body = WHOLE if since is None else json.dumps(
            {"advisories": [a for a in ADVISORIES if a["updated"] > since], "next": None}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", PORT), Api).serve_forever()
