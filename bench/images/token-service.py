#!/usr/bin/env python3
"""A registry token service for one user, for bench/images/token-registry.sh: GET /token?service=S&scope=repository:NAME:ACTIONS
with HTTP Basic credentials answers {"token": JWT} granting the asked actions, signed RS256 with the key whose
self-signed certificate the registry trusts (sent in the x5c header). Wrong or missing credentials get 401.

Usage: token-service.py PORT KEY.pem CERT.pem USER PASSWORD
"""
import base64
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

PORT, KEY, CERT, USER, PASSWORD = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
key = serialization.load_pem_private_key(open(KEY, "rb").read(), password=None)
cert_der = x509.load_pem_x509_certificate(open(CERT, "rb").read()).public_bytes(serialization.Encoding.DER)


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(service, scopes):
    access = []
    for scope in scopes:
        kind, _, rest = scope.partition(":")
        name, _, actions = rest.rpartition(":")
        access.append({"type": kind, "name": name, "actions": [a for a in actions.split(",") if a]})
    now = int(time.time())
    header = {"alg": "RS256", "typ": "JWT", "x5c": [base64.b64encode(cert_der).decode()]}
    claims = {"iss": "bench-token-issuer", "sub": USER, "aud": service, "exp": now + 300, "nbf": now - 10,
              "iat": now, "jti": b64url(os.urandom(12)), "access": access}
    signing_input = b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())
    signature = key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
    return signing_input + "." + b64url(signature)


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urlparse(self.path)
        expected = "Basic " + base64.b64encode(("%s:%s" % (USER, PASSWORD)).encode()).decode()
        if url.path != "/token" or self.headers.get("Authorization") != expected:
            self.send_response(401)
            self.end_headers()
            return
        query = parse_qs(url.query)
        body = json.dumps({"token": token(query.get("service", [""])[0], query.get("scope", [])),
                           "expires_in": 300}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        sys.stderr.write("token: %s %s\n" % (self.requestline.split("?")[0], args[1] if len(args) > 1 else ""))


HTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
