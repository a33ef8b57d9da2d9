#!/usr/bin/env python3
"""Browser test of gradviz's offline lesson player, in headless Chromium with no network.

Takes the output of `gradviz LESSON --svg DIR` (one lesson) or of several lessons (a course),
copies ONLY the index.html pages into a new temporary folder (so the player must carry its
frames itself) and opens them from file:// in Chromium started without a network (its own
empty network namespace when `unshare` works, and the DevTools protocol's offline mode), then:

- on the first lesson: steps with the keyboard (→, ←, Home, End), with the slider (a click on
  its track, then → on the focused slider), jumps to a section (a mark on the timeline, the
  section menu, the `]` key), follows the URL hash both ways (a changed hash moves the player,
  a page opened at `#N` starts at frame N), checks at every stop the frame shown, the marked
  source line and the console text against manifest.json, clicks a node and checks the
  values, grad, shape, dtype and grad_fn shown against the manifest, opens another node with
  Tab and Enter, plays and pauses, opens the keyboard help;
- on every lesson: frame 1 and the controls in the lesson's language, and screenshots at
  1920x1080 and 1366x768;
- on a course: the course page links every lesson and its sections;
- throughout: no script error, and no request other than file:, data: or about: leaves;
- when Firefox is installed, the keys, the hash and a node's values again in Firefox
  (scripts/player_firefox.py, over WebDriver BiDi).

Talks to Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe) with the
standard library only.

Usage: python3 scripts/screenshot_player.py OUTPUT_DIR [--out SCREENSHOT_DIR]

Exit status 0 when every check passes, or when no Chromium is installed (a SKIP line says
so); 1 when a check fails.
"""
import argparse
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BROWSERS = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
SIZES = [(1920, 1080), (1366, 768)]
ALLOWED_SCHEMES = ("file:", "data:", "about:", "blob:", "chrome:", "devtools:")


class CheckFailed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


class Browser:
    """Headless Chromium driven over --remote-debugging-pipe (NUL-separated JSON on fds 3/4)."""

    def __init__(self, executable, profile, log=subprocess.DEVNULL):
        argv = [executable, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--no-default-browser-check", "--remote-debugging-pipe", f"--user-data-dir={profile}",
                "--window-size=1366,768", "--hide-scrollbars", "--mute-audio",
                # No network: nothing resolves, every connection goes to a closed proxy port,
                # and Chromium's own background traffic is off.
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-domain-reliability", "--no-pings", "--disable-breakpad", "--metrics-recording-only",
                "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication",
                "about:blank"]
        self.isolated = shutil.which("unshare") is not None and subprocess.run(
            ["unshare", "--net", "true"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
        if self.isolated:
            argv = ["unshare", "--net"] + argv
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def attach_pipes():
            # Through free numbers first: the pipes may themselves be fds 3 and 4.
            a, b = os.dup(to_browser_r), os.dup(from_browser_w)
            a, b = os.dup2(a, 100), os.dup2(b, 101)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=log, preexec_fn=attach_pipes, close_fds=False)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def close(self):
        try:
            os.close(self._to_browser)
            os.close(self._from_browser)
        except OSError:
            pass
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _send(self, message):
        data = json.dumps(message).encode() + b"\0"
        while data:
            n = os.write(self._to_browser, data)
            data = data[n:]

    def _receive(self, timeout):
        deadline = time.time() + timeout
        while b"\0" not in self.buffer:
            left = deadline - time.time()
            if left <= 0:
                raise CheckFailed("Chromium did not answer within %d s" % timeout)
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if ready:
                chunk = os.read(self._from_browser, 1 << 20)
                if not chunk:
                    raise CheckFailed("Chromium closed the DevTools pipe")
                self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        return json.loads(message)

    def call(self, method, session=True, timeout=60, **params):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session and self.session:
            message["sessionId"] = self.session
        self._send(message)
        while True:
            reply = self._receive(timeout)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise CheckFailed(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def open_page(self):
        targets = self.call("Target.getTargets", session=False)["targetInfos"]
        page = next((t for t in targets if t["type"] == "page"), None)
        target = page["targetId"] if page else self.call("Target.createTarget", session=False, url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", session=False, targetId=target, flatten=True)["sessionId"]
        for domain in ("Page.enable", "Runtime.enable", "Network.enable"):
            self.call(domain)
        self.call("Network.emulateNetworkConditions", offline=True, latency=0, downloadThroughput=-1,
                  uploadThroughput=-1)

    def size(self, width, height):
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise CheckFailed(f"script error in the check itself: {result['exceptionDetails'].get('text')} "
                              f"{result['exceptionDetails'].get('exception', {}).get('description', '')}")
        return result.get("result", {}).get("value")

    def wait_for(self, expression, what, timeout=15):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.05)
        raise CheckFailed(f"timed out waiting for {what}")

    def navigate(self, url):
        self.call("Page.navigate", url=url)
        self.wait_for(f"document.readyState === 'complete' && location.href.split('#')[0] === {json.dumps(url.split('#')[0])}",
                      f"{url} to load")

    def key(self, key, code=None, vk=0, text=None):
        params = {"key": key, "code": code or key, "windowsVirtualKeyCode": vk, "nativeVirtualKeyCode": vk}
        down = dict(params, type="keyDown")
        if text:
            down["text"] = text
        self.call("Input.dispatchKeyEvent", **down)
        self.call("Input.dispatchKeyEvent", **dict(params, type="keyUp"))

    def click(self, x, y):
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def screenshot(self, path):
        import base64
        data = self.call("Page.captureScreenshot", format="png")["data"]
        Path(path).write_bytes(base64.b64decode(data))

    def problems(self):
        """Script errors and requests that tried to leave the machine, from the events so far."""
        out = []
        for e in self.events:
            method = e.get("method")
            params = e.get("params", {})
            if method == "Runtime.exceptionThrown":
                d = params.get("exceptionDetails", {})
                out.append("script error: " + d.get("exception", {}).get("description", d.get("text", "?")))
            elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
                out.append("console error: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
            elif method == "Network.requestWillBeSent":
                url = params.get("request", {}).get("url", "")
                if not url.startswith(ALLOWED_SCHEMES):
                    out.append("network request: " + url)
        return out


KEYS = {"ArrowRight": 39, "ArrowLeft": 37, "Home": 36, "End": 35, "Tab": 9, "Enter": 13, "Escape": 27, "PageDown": 34}

STATE = """(() => {
  const q = (s) => document.querySelector(s);
  const marked = q('.gv-ln.gv-current');
  const svg = q('#gv-stage svg');
  return {
    counter: q('#gv-counter').textContent,
    hash: location.hash,
    line: marked ? parseInt(marked.getAttribute('data-line'), 10) : null,
    lineText: marked ? marked.querySelector('code').textContent : null,
    lineVisible: marked ? (() => { const p = q('#gv-source').getBoundingClientRect(), r = marked.getBoundingClientRect();
                                   return r.top >= p.top - 1 && r.bottom <= p.bottom + 1; })() : null,
    console: q('#gv-console').textContent,
    slider: parseInt(q('#gv-slider').value, 10),
    frame: svg ? parseInt(svg.getAttribute('data-frame'), 10) : null,
    heading: (q('#gv-explain .gv-heading') || {}).textContent || null,
    playing: q('#gv-play').getAttribute('aria-pressed') === 'true',
  };
})()"""


def frame_line(f):
    return f["line"] if f.get("line") is not None else f["caption"].get("line")


def check_frame(browser, manifest, k, how):
    """The player shows frame k (1-based) as the manifest describes it."""
    f = manifest["frames"][k - 1]
    n = len(manifest["frames"])
    try:
        browser.wait_for(f"document.querySelector('#gv-counter').textContent === '{k} / {n}'", f"frame {k} ({how})", timeout=5)
    except CheckFailed:
        state = browser.evaluate(STATE)
        raise CheckFailed(f"{how}: expected frame {k}, the player shows {state['counter']}")
    s = browser.evaluate(STATE)
    expect(s["frame"] == k, f"{how}: the picture is frame {s['frame']}, not {k}")
    expect(s["slider"] == k, f"{how}: the slider says {s['slider']}, not {k}")
    expect(s["hash"] == f"#{k}", f"{how}: the URL hash is {s['hash']!r}, not '#{k}'")
    line = frame_line(f)
    expect(s["line"] == line, f"{how}: the marked source line is {s['line']}, the manifest says {line}")
    if line is not None:
        expect(s["lineText"] == manifest["source"][line - 1],
               f"{how}: the marked line reads {s['lineText']!r}, the source has {manifest['source'][line - 1]!r}")
        expect(s["lineVisible"], f"{how}: the marked line {line} is scrolled out of view")
    expect(s["console"] == f["output"], f"{how}: the console shows {s['console']!r}, the manifest's output is {f['output']!r}")
    heading = f["caption"]["heading"]
    expect(s["heading"] == heading, f"{how}: the explanation's heading is {s['heading']!r}, not {heading!r}")
    return s


def pick_node(manifest):
    """A frame and a tensor node in it with a printed value and grad (else any with a value)."""
    best = None
    for f in manifest["frames"]:
        if f["kind"] != "step":
            continue
        for node in f["scene"]["nodes"]:
            if node["kind"] != "tensor" or "repr" not in node:
                continue
            if "grad_repr" in node:
                return f["index"], node
            if best is None:
                best = (f["index"], node)
    return best


def center_of(browser, selector):
    box = browser.evaluate(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
        if (!e) return null; const r = e.getBoundingClientRect();
        return {{x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height}}; }})()""")
    expect(box is not None and box["w"] > 0, f"{selector} is not on the page")
    return box


def check_details(browser, manifest, frame, node, how):
    browser.wait_for(f"!document.getElementById('gv-details').hidden && "
                     f"document.getElementById('gv-details').getAttribute('data-node') === '{node['id']}'",
                     f"the details of {node['id']} ({how})", timeout=5)
    shown = browser.evaluate("""(() => { const f = (k) => { const e = document.querySelector('#gv-details [data-field=' + k + ']');
        return e ? e.textContent : null; };
        return {repr: f('repr'), grad: f('grad_repr'), shape: f('shape'), dtype: f('dtype'), grad_fn: f('grad_fn'),
                line: f('line'), title: document.getElementById('gv-details-title').textContent}; })()""")
    expect(shown["repr"] == node["repr"], f"{how}: value shown {shown['repr']!r}, the manifest's repr is {node['repr']!r}")
    grad = node.get("grad_repr", "None" if node["grad"] is None else None)
    if grad is not None:
        expect(shown["grad"] == grad, f"{how}: grad shown {shown['grad']!r}, the manifest says {grad!r}")
    size = "torch.Size([" + ", ".join(str(d) for d in node["shape"]) + "])"
    expect(shown["shape"] == size, f"{how}: shape shown {shown['shape']!r}, not {size!r}")
    expect(shown["dtype"] == node["dtype"], f"{how}: dtype shown {shown['dtype']!r}, not {node['dtype']!r}")
    if node["grad_fn"]:
        op = next(n["op"] for n in manifest["frames"][frame - 1]["scene"]["nodes"] if n["id"] == node["grad_fn"])
        expect(shown["grad_fn"] == f"<{op}>", f"{how}: grad_fn shown {shown['grad_fn']!r}, not <{op}>")
    else:
        expect(shown["grad_fn"] == "None", f"{how}: grad_fn shown {shown['grad_fn']!r} for a leaf")
    if node.get("line"):
        expect(f"{node['line']}" in shown["line"] and manifest["source"][node["line"] - 1].strip() in shown["line"],
               f"{how}: 'made by' shows {shown['line']!r}, the manifest says line {node['line']}")
    return shown


def full_check(browser, url, manifest, out, log):
    """Every interaction on one lesson's player."""
    n = len(manifest["frames"])
    browser.size(1366, 768)
    browser.navigate(url)
    browser.wait_for("document.documentElement.classList.contains('gv-ready')", "the player to start")
    check_frame(browser, manifest, 1, "opened without a hash")

    # Keyboard.
    browser.key("ArrowRight", vk=KEYS["ArrowRight"])
    check_frame(browser, manifest, 2, "ArrowRight")
    browser.key("ArrowRight", vk=KEYS["ArrowRight"])
    browser.key("ArrowRight", vk=KEYS["ArrowRight"])
    browser.key("ArrowLeft", vk=KEYS["ArrowLeft"])
    check_frame(browser, manifest, 3, "ArrowRight twice, ArrowLeft once")
    browser.key("End", vk=KEYS["End"])
    check_frame(browser, manifest, n, "End")
    browser.key("Home", vk=KEYS["Home"])
    check_frame(browser, manifest, 1, "Home")
    log(f"keyboard: →, ←, End, Home step through {n} frames; source line, console and explanation match the manifest")

    # The slider: a click on its track, then the arrow key on the focused slider.
    track = center_of(browser, "#gv-slider")
    x = track["x"] - track["w"] / 2 + 9 + (track["w"] - 18) * 0.6
    browser.click(x, track["y"])
    browser.wait_for("document.activeElement === document.getElementById('gv-slider')", "the slider to take focus")
    expected = round(0.6 * (n - 1)) + 1
    state = browser.evaluate(STATE)
    expect(abs(state["slider"] - expected) <= 1, f"a click at 60% of the slider gave {state['slider']}, expected about {expected}")
    check_frame(browser, manifest, state["slider"], "a click on the slider")
    at = state["slider"]
    browser.key("ArrowRight", vk=KEYS["ArrowRight"])
    check_frame(browser, manifest, min(at + 1, n), "ArrowRight on the focused slider (one step, not two)")
    log(f"slider: a click at 60% shows frame {at}, → on the slider shows frame {min(at + 1, n)}")

    # Sections: a mark on the timeline, the menu, the ] key.
    sections = [s for s in manifest["sections"] if s["frame"] is not None]
    if len(sections) >= 2:
        target = sections[-1]
        mark = center_of(browser, f".gv-mark[data-frame='{target['frame']}']")
        browser.click(mark["x"], mark["y"])
        check_frame(browser, manifest, target["frame"], f"a click on the timeline mark of {target['title']!r}")
        menu_target = sections[1]
        browser.evaluate(f"""(() => {{ const m = document.getElementById('gv-section'); m.focus();
            m.value = '{menu_target['frame']}'; m.dispatchEvent(new Event('change', {{bubbles: true}})); }})()""")
        check_frame(browser, manifest, menu_target["frame"], f"the section menu's {menu_target['title']!r}")
        browser.evaluate("document.activeElement.blur()")
        browser.key("]", code="BracketRight", vk=221, text="]")
        check_frame(browser, manifest, sections[2]["frame"] if len(sections) > 2 else menu_target["frame"], "the ] key")
        log(f"sections: the timeline mark, the menu and ] jump to the first frame of a section")

    # The URL hash, both ways.
    k = min(5, n)
    browser.evaluate(f"location.hash = '#{k}'")
    check_frame(browser, manifest, k, "a changed URL hash")
    k2 = min(7, n)
    browser.navigate("about:blank")
    browser.navigate(url + f"#{k2}")
    browser.wait_for("document.documentElement.classList.contains('gv-ready')", "the player to start again")
    check_frame(browser, manifest, k2, f"the page opened at #{k2}")
    log(f"hash: '#{k}' set on the page moves the player; opening '#{k2}' starts there")

    # A node: click it, check what it shows; then Tab + Enter to another.
    picked = pick_node(manifest)
    expect(picked is not None, "no frame has a tensor with a printed value")
    frame, node = picked
    browser.evaluate(f"location.hash = '#{frame}'")
    check_frame(browser, manifest, frame, "the frame with the node to click")
    box = center_of(browser, f"#gv-stage g.node[id='{node['id']}']")
    browser.click(box["x"], box["y"])
    shown = check_details(browser, manifest, frame, node, f"a click on node {node['id']} in frame {frame}")
    browser.size(1920, 1080)
    time.sleep(0.2)
    browser.screenshot(out / "player-node-1920x1080.png")
    browser.size(1366, 768)
    log(f"node: a click on {node.get('name') or node['id']} in frame {frame} shows {shown['repr']!r}, grad {shown['grad']!r}, "
        f"{shown['shape']}, {shown['dtype']}, grad_fn {shown['grad_fn']}")
    browser.key("Escape", vk=KEYS["Escape"])
    browser.wait_for("document.getElementById('gv-details').hidden", "Escape to close the details")
    browser.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
    tensors = {x["id"]: x for x in manifest["frames"][frame - 1]["scene"]["nodes"]}
    for _ in range(60):
        browser.key("Tab", vk=KEYS["Tab"])
        focused = browser.evaluate("(() => { const e = document.activeElement; return e && e.closest && e.closest('#gv-stage g.node') ? e.id : null; })()")
        if focused and focused in tensors and "repr" in tensors[focused]:
            break
    else:
        raise CheckFailed("Tab never reached a tensor node of the picture")
    ring = browser.evaluate("!!document.activeElement.querySelector('.gv-focus-ring')")
    expect(ring, "the focused node shows no focus ring")
    browser.key("Enter", vk=KEYS["Enter"], text="\r")
    check_details(browser, manifest, frame, tensors[focused], f"Tab + Enter on node {focused}")
    log(f"node: Tab reaches {focused} (focus ring drawn), Enter shows its values")
    browser.key("Escape", vk=KEYS["Escape"])

    # Play at the highest speed, then pause.
    start = browser.evaluate(STATE)["slider"]
    if start > n - 3:
        browser.key("Home", vk=KEYS["Home"])
        start = 1
    for _ in range(4):
        browser.key("+", code="Equal", vk=187, text="+")
    browser.key("k", code="KeyK", vk=75, text="k")
    browser.wait_for(f"parseInt(document.getElementById('gv-slider').value, 10) >= {min(start + 2, n)}", "playing to advance")
    browser.key("k", code="KeyK", vk=75, text="k")
    paused = browser.evaluate(STATE)
    expect(not paused["playing"], "k did not pause")
    time.sleep(0.6)
    expect(browser.evaluate(STATE)["slider"] == paused["slider"], "the player kept moving after pause")
    check_frame(browser, manifest, paused["slider"], "after playing")
    log(f"play: from frame {start} to {paused['slider']} at 4×, paused")

    # Keyboard help.
    browser.key("?", code="Slash", vk=191, text="?")
    browser.wait_for("document.getElementById('gv-help').open", "? to open the keyboard help")
    browser.screenshot(out / "player-help-1366x768.png")
    browser.key("Escape", vk=KEYS["Escape"])
    browser.wait_for("!document.getElementById('gv-help').open", "Escape to close the help")
    log("help: ? opens the keyboard help, Escape closes it")


def light_check(browser, url, manifest, out, name, log):
    """Frame 1, one step, the language of the controls, and screenshots at each size."""
    zh = manifest["language"] == "zh"
    for width, height in SIZES:
        browser.size(width, height)
        browser.navigate("about:blank")
        browser.navigate(url + "#1")
        browser.wait_for("document.documentElement.classList.contains('gv-ready')", f"{name} to start")
        check_frame(browser, manifest, 1, f"{name} opened")
        lang = browser.evaluate("document.documentElement.lang + '|' + document.getElementById('gv-next').getAttribute('aria-label')")
        expect(lang.startswith("zh") == zh and bool(re.search(r"[\u4e00-\u9fff]", lang)) == zh,
               f"{name}: page language and controls are {lang!r} for a lesson in {manifest['language']!r}")
        overflow = browser.evaluate("document.documentElement.scrollWidth > innerWidth + 1 || document.documentElement.scrollHeight > innerHeight + 1")
        expect(not overflow, f"{name}: the page does not fit {width}x{height}")
        shots = [1] + [f["index"] for f in manifest["frames"] if f["caption"]["chain_rule"]][:1]
        shots += [f["index"] for f in manifest["frames"] if f["kind"] == "step"][len(manifest["frames"]) // 3:][:1]
        shots += [f["index"] for f in manifest["frames"] if f["kind"] == "summary"][-1:]
        for k in dict.fromkeys(shots):
            browser.evaluate(f"location.hash = '#{k}'")
            check_frame(browser, manifest, k, f"{name} frame {k}")
            time.sleep(0.1)
            browser.screenshot(out / f"{name}-frame{k:04d}-{width}x{height}.png")
    log(f"{name}: frames and controls in {'Chinese' if zh else 'English'}; screenshots at "
        + ", ".join(f"{w}x{h}" for w, h in SIZES))


def check_course(browser, url, course, lessons, log):
    browser.size(1366, 768)
    browser.navigate(url)
    links = browser.evaluate("[...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
    for entry in course["lessons"]:
        expect(entry["index"] in links, f"the course page does not link {entry['index']}")
        for s in lessons[entry["name"]]["sections"]:
            if s["frame"] is not None and s["title"] != entry["title"]:
                expect(f"{entry['index']}#{s['frame']}" in links, f"the course page does not link section {s['title']!r}")
    log(f"course page: links {len(course['lessons'])} lessons and their sections")


def firefox_check(page, manifest_file, out, isolate):
    """scripts/player_firefox.py on the first lesson, in a network namespace with only loopback
    when `unshare` works (Firefox has no pipe transport, so the check runs beside it)."""
    script = Path(__file__).resolve().parent / "player_firefox.py"
    argv = [sys.executable, str(script), page, str(manifest_file), str(out)]
    if isolate:
        argv = ["unshare", "--net", "sh", "-c", 'ip link set lo up 2>/dev/null || ifconfig lo up; exec "$@"', "sh"] + argv
    return subprocess.run(argv, timeout=600).returncode


def find_browser():
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


def run(output, out):
    root = Path(output)
    if root.is_file():
        root = root.parent
    top = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    if top.get("schema") == "gradviz-course":
        names = [e["name"] for e in top["lessons"]]
    else:
        names = [None]
    manifests = {name: json.loads(((root / name) if name else root).joinpath("manifest.json").read_text(encoding="utf-8"))
                 for name in names}
    browser_path = find_browser()
    if browser_path is None:
        print("SKIP: no Chromium is installed (scripts/setup.sh installs Debian's chromium); the player was not checked")
        return 0
    site = Path(tempfile.mkdtemp(prefix="gradviz-player-site-"))
    profile = tempfile.mkdtemp(prefix="gradviz-chromium-")
    # Only the pages: frames, manifest and script must all be inside index.html.
    for name in names:
        target = (site / name) if name else site
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy((root / name / "index.html") if name else root / "index.html", target / "index.html")
    if names != [None]:
        shutil.copy(root / "index.html", site / "index.html")
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser(browser_path, profile, open(out / "chromium.log", "wb"))

    def log(text):
        print("  " + text, flush=True)

    try:
        browser.call("Browser.getVersion", session=False, timeout=60)
        browser.open_page()
        print(f"player check in {browser.call('Browser.getVersion', session=False)['product']}, "
              f"{'own network namespace' if browser.isolated else 'offline mode'}, pages copied alone to {site}", flush=True)
        if names != [None]:
            check_course(browser, (site / "index.html").as_uri(), top, manifests, log)
        first = names[0]
        url = ((site / first) if first else site).joinpath("index.html").as_uri()
        full_check(browser, url, manifests[first], out, log)
        for name in names:
            page = ((site / name) if name else site).joinpath("index.html").as_uri()
            light_check(browser, page, manifests[name], out, name or manifests[name]["lesson"], log)
        problems = browser.problems()
        expect(not problems, "; ".join(dict.fromkeys(problems)))
        manifest_file = ((root / first) if first else root).joinpath("manifest.json")
        expect(firefox_check(url, manifest_file, out, browser.isolated) == 0, "the player does not work in Firefox")
        print(f"OK: the player works offline from file:// (no request left, no script error); screenshots in {out}")
        return 0
    except CheckFailed as e:
        try:
            browser.screenshot(out / "failure.png")
        except (CheckFailed, OSError):
            pass
        extra = [p for p in dict.fromkeys(browser.problems()) if p not in str(e)]
        print(f"FAIL: {e}" + (f" (also: {'; '.join(extra)})" if extra else ""))
        return 1
    finally:
        browser.close()
        shutil.rmtree(profile, ignore_errors=True)
        shutil.rmtree(site, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", help="a `gradviz ... --svg DIR` folder (one lesson or a course)")
    parser.add_argument("--out", help="where to save the screenshots (default: a new temporary folder)")
    args = parser.parse_args()
    root = Path(args.output)
    if not (root / "manifest.json").is_file() and not (root.parent / "manifest.json").is_file():
        print(f"FAIL: no gradviz output at {root}")
        return 1
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="gradviz-player-shots-"))
    return run(args.output, out)


if __name__ == "__main__":
    sys.exit(main())
