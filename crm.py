import hashlib, hmac, json, time
from http.server import BaseHTTPRequestHandler, HTTPServer
SECRET = b"3f6c0d2e9a8b4c7d1e5f6a7b8c9d0e1f"
def verified(header, body):
    parts = dict(part.strip().split("=", 1) for part in header.split(",") if "=" in part)
    t = int(parts.get("t", "0"))
    expected = hmac.new(SECRET, str(t).encode() + b"." + body, hashlib.sha256).hexdigest()
    return abs(time.time() - t) <= 300 and hmac.compare_digest(expected, parts.get("v1", ""))
class Crm(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        ok = verified(self.headers.get("Omniroute-Signature", ""), body)
        event = json.loads(body)
        print("CRM:", "verified" if ok else "REJECTED", event["type"], "conversation", event["data"]["conversationId"], flush=True)
        self.send_response(204 if ok else 401)
        self.end_headers()
    def log_message(self, *args):
        pass
HTTPServer(("127.0.0.1", 8481), Crm).serve_forever()
