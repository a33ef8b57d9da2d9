/// The lesson player's script, in parts that share one scope: the page concatenates them inside one function.
enum PlayerScript {
    /// The whole script.
    static var text: String { [core, frame, source, explain, details, controls].joined(separator: "\n") }

    /// State, navigation and playback.
    static let core = ##"""
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const readJSON = (id) => JSON.parse($(id).textContent);
  const M = readJSON('gv-manifest');
  const SVGS = readJSON('gv-frames');
  const S = readJSON('gv-strings');
  const FR = M.frames;
  const N = FR.length;
  const NS = 'http://www.w3.org/2000/svg';
  const SPEEDS = [0.25, 0.5, 1, 2, 4];
  const BASE_DELAY = 1600;

  let cur = -1;
  let playing = false;
  let timer = 0;
  let speed = 2;
  let view = 'graph';
  let pinned = null;

  /** A player string, `{name}` placeholders filled from `args`. */
  function t(key, args) {
    let s = Object.prototype.hasOwnProperty.call(S, key) ? S[key] : key;
    if (args) for (const k of Object.keys(args)) s = s.split('{' + k + '}').join(String(args[k]));
    return s;
  }

  /** An element with attributes (`text` sets the text, `class` the class) and children. */
  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') e.className = v;
        else if (k === 'text') e.textContent = v;
        else e.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const kid of kids) {
      if (kid === null || kid === undefined || kid === false) continue;
      e.append(kid instanceof Node ? kid : String(kid));
    }
    return e;
  }

  /** The frame a URL hash names (`#12` → index 11), or null. */
  function frameFromHash() {
    const m = /^#(\d+)$/.exec(location.hash);
    if (!m) return null;
    const k = parseInt(m[1], 10);
    return k >= 1 && k <= N ? k - 1 : null;
  }

  function writeHash(i) {
    const h = '#' + (i + 1);
    if (location.hash === h) return;
    try {
      history.replaceState(null, '', h);
    } catch (e) {
      location.hash = h;
    }
  }

  /** Shows frame `i`: picture, source line, explanation, output, controls, hash. */
  function show(i, fromHash) {
    i = Math.max(0, Math.min(N - 1, i | 0));
    if (i === cur) return;
    cur = i;
    const f = FR[i];
    drawFrame(f, i);
    markSource(f.line !== null && f.line !== undefined ? f.line : f.caption.line);
    explain(f);
    showOutput(i);
    syncControls(i);
    if (pinned !== null) showDetails(pinned, false);
    if (!fromHash) writeHash(i);
    if (playing) schedule();
  }

  function step(d) { show(cur + d); }

  function delay() { return BASE_DELAY / SPEEDS[speed]; }

  function schedule() {
    clearTimeout(timer);
    if (!playing) return;
    timer = setTimeout(() => {
      if (cur >= N - 1) play(false);
      else show(cur + 1);
    }, delay());
  }

  function play(on) {
    playing = on;
    const b = $('gv-play');
    b.setAttribute('aria-pressed', on ? 'true' : 'false');
    b.setAttribute('aria-label', on ? t('pause') : t('play'));
    b.title = (on ? t('pause') : t('play')) + ' (' + t('key_space') + ')';
    if (on && cur >= N - 1) show(0);
    schedule();
    if (!on) clearTimeout(timer);
  }

  function setSpeed(k) {
    speed = Math.max(0, Math.min(SPEEDS.length - 1, k));
    $('gv-speed').value = String(speed);
    if (playing) schedule();
  }
"""##
}
