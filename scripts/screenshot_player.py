#!/usr/bin/env python3
"""Checks gradviz's offline frame player in headless Chromium.

Opens index.html from a `gradviz LESSON --svg DIR` folder, checks that frame 1 is
shown (counter "1 / N", frame-0001.svg loaded), presses ArrowRight, checks frame 2,
and saves a screenshot of each. Talks to Chromium over the DevTools protocol with
the standard library only.

Usage: python3 scripts/screenshot_player.py DIR_OR_INDEX_HTML [--out SCREENSHOT_DIR]

Exit status 0 when the player works or when Chromium is absent (a SKIP line says so),
1 when the check fails.
"""
import argparse
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
import urllib.request
from pathlib import Path

BROWSERS = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]


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


class DevTools:
    def __init__(self, url):
        self.ws = WebSocket(url)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.receive())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def wait_for(self, expression, what, timeout=15):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}")

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png")["data"]
        Path(path).write_bytes(base64.b64decode(data))


def find_browser():
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


def frame_state(tools):
    return tools.evaluate(
        "JSON.stringify({counter: document.getElementById('counter').textContent,"
        " src: document.getElementById('frame').getAttribute('src'),"
        " loaded: document.getElementById('frame').complete && document.getElementById('frame').naturalWidth > 0,"
        " caption: document.getElementById('caption').textContent})")


def check(index, out):
    browser = find_browser()
    if browser is None:
        print("SKIP: chromium is not installed; the player screenshot check did not run "
              "(apt-get install chromium to run it)")
        return 0
    profile = tempfile.mkdtemp(prefix="gradviz-chromium-")
    process = subprocess.Popen(
        [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
         "--remote-debugging-port=0", f"--user-data-dir={profile}", "--window-size=1280,1024",
         "--allow-file-access-from-files", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = Path(profile) / "DevToolsActivePort"
        deadline = time.time() + 30
        while not port_file.exists() or not port_file.read_text().strip():
            if time.time() > deadline or process.poll() is not None:
                print("FAIL: chromium did not open its DevTools port")
                return 1
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        page = next(t for t in targets if t.get("type") == "page")
        tools = DevTools(page["webSocketDebuggerUrl"])
        tools.call("Page.enable")
        tools.call("Runtime.enable")
        tools.call("Page.navigate", url=index.resolve().as_uri())
        tools.wait_for("document.readyState === 'complete' && !!document.getElementById('counter')", "the player to load")

        tools.wait_for("document.getElementById('frame').complete && document.getElementById('frame').naturalWidth > 0",
                       "frame 1 to be drawn")
        first = json.loads(frame_state(tools))
        total = first["counter"].split("/")[-1].strip()
        assert first["counter"].startswith("1 / "), f"expected frame 1, the counter says {first['counter']!r}"
        assert first["src"] == "frame-0001.svg", f"expected frame-0001.svg, the player shows {first['src']!r}"
        out.mkdir(parents=True, exist_ok=True)
        tools.screenshot(out / "player-frame-1.png")
        print(f"frame 1 of {total} shown: {first['caption'].splitlines()[-1] if first['caption'] else ''}")

        for kind in ("keyDown", "keyUp"):
            tools.call("Input.dispatchKeyEvent", type=kind, key="ArrowRight", code="ArrowRight",
                       windowsVirtualKeyCode=39, nativeVirtualKeyCode=39)
        tools.wait_for("document.getElementById('counter').textContent.startsWith('2 / ')", "ArrowRight to show frame 2")
        tools.wait_for("document.getElementById('frame').complete && document.getElementById('frame').naturalWidth > 0",
                       "frame 2 to be drawn")
        second = json.loads(frame_state(tools))
        assert second["src"] == "frame-0002.svg", f"expected frame-0002.svg, the player shows {second['src']!r}"
        tools.screenshot(out / "player-frame-2.png")
        print(f"ArrowRight: frame 2 of {total} shown: {second['caption'].splitlines()[-1] if second['caption'] else ''}")
        print(f"OK: the player shows frame 1 and advances on ArrowRight; screenshots in {out}")
        return 0
    except (AssertionError, RuntimeError, OSError, StopIteration) as e:
        print(f"FAIL: {e}")
        return 1
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("player", help="a gradviz --svg folder, or its index.html")
    parser.add_argument("--out", help="where to save the screenshots (default: a new temporary folder)")
    args = parser.parse_args()
    index = Path(args.player)
    if index.is_dir():
        index = index / "index.html"
    if not index.is_file():
        print(f"FAIL: no player at {index}")
        return 1
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="gradviz-player-"))
    return check(index, out)


if __name__ == "__main__":
    sys.exit(main())
