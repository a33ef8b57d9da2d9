#!/usr/bin/env python3
"""The lesson player's browser test in Firefox, over WebDriver BiDi with the standard library.

Run by scripts/screenshot_player.py when Firefox is installed, inside a network namespace of
its own when `unshare` works (loopback only, for the BiDi connection): opens a lesson's
index.html from file://, steps with the keyboard, follows the URL hash, clicks a node and
checks what the player shows against manifest.json, and saves a screenshot; script errors and
requests that leave the machine fail it.

Usage (normally through screenshot_player.py): python3 scripts/player_firefox.py PAGE MANIFEST OUT_DIR
"""
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot_player import (ALLOWED_SCHEMES, STATE, CheckFailed, check_details, check_frame, center_of,  # noqa: E402
                               expect, pick_node)

FIREFOXES = ["firefox-esr", "firefox"]
# WebDriver's codes for the special keys the checks press.
KEYS = {"ArrowRight": "\uE014", "ArrowLeft": "\uE012", "Home": "\uE011", "End": "\uE010", "Tab": "\uE004",
        "Enter": "\uE007", "Escape": "\uE00C"}
PREFS = {
    # Nothing leaves the machine: every connection goes to a closed local port.
    "network.proxy.type": 1, "network.proxy.http": "127.0.0.1", "network.proxy.http_port": 9,
    "network.proxy.ssl": "127.0.0.1", "network.proxy.ssl_port": 9, "network.proxy.no_proxies_on": "",
    "network.proxy.allow_hijacking_localhost": True,
    "app.update.enabled": False, "browser.shell.checkDefaultBrowser": False, "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.enabled": False, "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False, "extensions.update.enabled": False,
    "network.captive-portal-service.enabled": False, "network.connectivity-service.enabled": False,
    "browser.startup.homepage_override.mstone": "ignore", "browser.aboutwelcome.enabled": False,
}


class WebSocket:
    """The client half of RFC 6455, enough for the DevTools protocol."""

    def __init__(self, url):
        assert url.startswith("ws://")
        host_port, _, path = url[5:].partition("/")
        host, _, port = host_port.partition(":")
        self.sock = socket.create_connection((host, int(port)), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET /{path} HTTP/1.1\r\nHost: {host_port}\r\nUpgrade: websocket\r\n"
                   f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise RuntimeError("DevTools closed the connection during the handshake")
            response += chunk
        head, _, self.buffer = response.partition(b"\r\n\r\n")
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError(f"DevTools refused the WebSocket: {head[:200]!r}")

    def send(self, text):
        payload = text.encode()
        header = bytearray([0x81])
        n = len(payload)
        if n < 126:
            header.append(0x80 | n)
        elif n < 1 << 16:
            header.append(0x80 | 126)
            header += struct.pack(">H", n)
        else:
            header.append(0x80 | 127)
            header += struct.pack(">Q", n)
        mask = os.urandom(4)
        header += mask
        self.sock.sendall(bytes(header) + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def _read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                raise RuntimeError("DevTools closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def receive(self):
        message = b""
        while True:
            b0, b1 = self._read(2)
            opcode, n = b0 & 0x0F, b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            mask = self._read(4) if b1 & 0x80 else None
            payload = self._read(n)
            if mask:
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            if opcode == 0x9:
                continue
            if opcode == 0x8:
                raise RuntimeError("DevTools closed the WebSocket")
            message += payload
            if b0 & 0x80:
                return message.decode()


class Firefox:
    """Headless Firefox driven over WebDriver BiDi, with the methods the checks use."""

    def __init__(self, executable):
        self.profile = tempfile.mkdtemp(prefix="gradviz-firefox-")
        Path(self.profile, "user.js").write_text(
            "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in PREFS.items()))
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.process = subprocess.Popen(
            [executable, "--headless", "--no-remote", "--profile", self.profile, "--remote-debugging-port", str(port),
             "about:blank"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while True:
            try:
                self.ws = WebSocket(f"ws://127.0.0.1:{port}/session")
                break
            except (OSError, RuntimeError):
                if time.time() > deadline or self.process.poll() is not None:
                    raise CheckFailed("Firefox did not open its WebDriver BiDi port")
                time.sleep(0.2)
        self.next_id = 0
        self.events = []
        self.version = self.call("session.new", capabilities={})["capabilities"].get("browserVersion", "?")
        self.call("session.subscribe", events=["log.entryAdded", "network.beforeRequestSent"])
        self.context = self.call("browsingContext.getTree")["contexts"][0]["context"]

    def close(self):
        try:
            self.call("session.end")
        except (CheckFailed, OSError, RuntimeError):
            pass
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.receive())
            if message.get("id") == self.next_id:
                if message.get("type") == "error":
                    raise CheckFailed(f"{method}: {message.get('error')}: {message.get('message')}")
                return message.get("result", {})
            self.events.append(message)

    def evaluate(self, expression):
        # Statements or an expression; the value comes back as JSON.
        code = f"JSON.stringify((0, eval)({json.dumps(expression)}) ?? null)"
        r = self.call("script.evaluate", expression=code, target={"context": self.context}, awaitPromise=True)
        if r.get("type") != "success":
            raise CheckFailed(f"script error in the check itself: {r.get('exceptionDetails', {}).get('text')}")
        value = r["result"].get("value")
        return None if value is None else json.loads(value)

    def wait_for(self, expression, what, timeout=15):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.05)
        raise CheckFailed(f"timed out waiting for {what}")

    def navigate(self, url):
        self.call("browsingContext.navigate", context=self.context, url=url, wait="complete")

    def size(self, width, height):
        self.call("browsingContext.setViewport", context=self.context, viewport={"width": width, "height": height})

    def key(self, key, code=None, vk=0, text=None):
        value = KEYS.get(key, key)
        self.call("input.performActions", context=self.context, actions=[
            {"type": "key", "id": "keyboard", "actions": [{"type": "keyDown", "value": value}, {"type": "keyUp", "value": value}]}])

    def click(self, x, y):
        self.call("input.performActions", context=self.context, actions=[
            {"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
             "actions": [{"type": "pointerMove", "x": int(x), "y": int(y)}, {"type": "pointerDown", "button": 0},
                         {"type": "pointerUp", "button": 0}]}])

    def screenshot(self, path):
        data = self.call("browsingContext.captureScreenshot", context=self.context)["data"]
        Path(path).write_bytes(base64.b64decode(data))

    def problems(self):
        out = []
        for e in self.events:
            params = e.get("params", {})
            if e.get("method") == "log.entryAdded" and params.get("level") == "error":
                out.append(f"{params.get('type')} error: {params.get('text')}")
            elif e.get("method") == "network.beforeRequestSent":
                url = params.get("request", {}).get("url", "")
                if not url.startswith(ALLOWED_SCHEMES):
                    out.append("network request: " + url)
        return out


def check(page, manifest, out):
    """Frame 1, keyboard steps, the hash, a node's values; a screenshot at 1366x768."""
    executable = next((shutil.which(n) for n in FIREFOXES if shutil.which(n)), None)
    if executable is None:
        print("  Firefox: not installed, not checked")
        return 0
    browser = Firefox(executable)
    try:
        n = len(manifest["frames"])
        browser.size(1366, 768)
        browser.navigate(page)
        browser.wait_for("document.documentElement.classList.contains('gv-ready')", "the player to start in Firefox")
        check_frame(browser, manifest, 1, "Firefox: opened")
        browser.key("ArrowRight")
        browser.key("ArrowRight")
        browser.key("ArrowLeft")
        check_frame(browser, manifest, 2, "Firefox: ArrowRight twice, ArrowLeft once")
        browser.key("End")
        check_frame(browser, manifest, n, "Firefox: End")
        browser.evaluate(f"location.hash = '#{min(5, n)}'")
        check_frame(browser, manifest, min(5, n), "Firefox: a changed URL hash")
        frame, node = pick_node(manifest)
        browser.evaluate(f"location.hash = '#{frame}'")
        check_frame(browser, manifest, frame, "Firefox: the frame with the node to click")
        box = center_of(browser, f"#gv-stage g.node[id='{node['id']}']")
        browser.click(box["x"], box["y"])
        shown = check_details(browser, manifest, frame, node, f"Firefox: a click on node {node['id']}")
        browser.screenshot(out / "firefox-node-1366x768.png")
        browser.key("Escape")
        browser.wait_for("document.getElementById('gv-details').hidden", "Escape to close the details in Firefox")
        problems = browser.problems()
        expect(not problems, "Firefox: " + "; ".join(dict.fromkeys(problems)))
        state = browser.evaluate(STATE)
        print(f"  Firefox {browser.version}: keys, hash and a click on {node.get('name') or node['id']} "
              f"({shown['repr']!r}) work; frame {state['counter']}; screenshot firefox-node-1366x768.png", flush=True)
        return 0
    except CheckFailed as e:
        print(f"FAIL: {e}")
        return 1
    finally:
        browser.close()


def main():
    page, manifest, out = sys.argv[1], json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")), Path(sys.argv[3])
    return check(page, manifest, out)


if __name__ == "__main__":
    sys.exit(main())
