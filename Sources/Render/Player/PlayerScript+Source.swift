extension PlayerScript {
    /// The lesson source: highlighted lines, the current one marked and scrolled into view.
    static let source = ##"""
  // ---- The lesson source ---------------------------------------------------------------------

  const source = $('gv-source');
  const KEYWORDS = new Set(('False None True and as assert break class continue def del elif else except finally for ' +
    'from global if import in is lambda nonlocal not or pass raise return try while with yield').split(' '));
  const TOKEN = /(#.*$)|([rRbBfFuU]{0,2}(?:"""|'''|"(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?))|([A-Za-z_][A-Za-z_0-9]*)|(\d[\d_]*\.?\d*(?:[eE][+-]?\d+)?)/g;

  /** One source line as highlighted spans; `state.quote` carries a triple-quoted string across lines. */
  function highlight(line, state) {
    const frag = document.createDocumentFragment();
    let at = 0;
    if (state.quote) {
      const end = line.indexOf(state.quote);
      const stop = end < 0 ? line.length : end + 3;
      frag.append(el('span', { class: 'gv-str' }, line.slice(0, stop)));
      if (end >= 0) state.quote = null;
      at = stop;
      if (end < 0) return frag;
    }
    TOKEN.lastIndex = at;
    let m;
    while ((m = TOKEN.exec(line)) !== null) {
      if (m.index > at) frag.append(line.slice(at, m.index));
      let cls = null;
      let text = m[0];
      if (m[1] !== undefined) cls = /^##(\s|$)/.test(text) ? 'gv-sec' : 'gv-com';
      else if (m[2] !== undefined) {
        cls = 'gv-str';
        const triple = /^[rRbBfFuU]{0,2}("""|''')/.exec(text);
        if (triple) {
          const close = line.indexOf(triple[1], m.index + text.length);
          if (close < 0) {
            text = line.slice(m.index);
            state.quote = triple[1];
          } else {
            text = line.slice(m.index, close + 3);
          }
          TOKEN.lastIndex = m.index + text.length;
        }
      } else if (m[3] !== undefined) {
        if (KEYWORDS.has(text)) cls = 'gv-kw';
        else if (line.slice(m.index + text.length).trimStart().startsWith('(')) cls = 'gv-call';
      } else cls = 'gv-num';
      frag.append(cls ? el('span', { class: cls }, text) : text);
      at = m.index + text.length;
      if (m[0].length === 0) TOKEN.lastIndex++;
    }
    if (at < line.length) frag.append(line.slice(at));
    return frag;
  }

  const lines = M.source.slice();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const rows = [];
  {
    const state = { quote: null };
    const list = el('div', { class: 'gv-code-lines' });
    lines.forEach((text, k) => {
      const row = el('div', { class: 'gv-ln', id: 'gv-L' + (k + 1), 'data-line': k + 1 },
        el('span', { class: 'gv-no', 'aria-hidden': 'true' }, String(k + 1)),
        el('code', null, highlight(text, state)));
      rows.push(row);
      list.append(row);
    });
    source.append(list);
  }

  let marked = null;

  /** Marks source line `n` (1-based) as the current one and scrolls it into view. */
  function markSource(n) {
    if (marked) {
      marked.classList.remove('gv-current');
      marked.removeAttribute('aria-current');
    }
    marked = n && rows[n - 1] ? rows[n - 1] : null;
    $('gv-source-where').textContent = marked ? t('line_n', { n: n }) : '';
    if (!marked) return;
    marked.classList.add('gv-current');
    marked.setAttribute('aria-current', 'step');
    reveal(marked);
  }

  function reveal(row) {
    const top = row.offsetTop, h = row.offsetHeight;
    const view = source.clientHeight, at = source.scrollTop;
    if (top < at + h || top + 2 * h > at + view) source.scrollTop = Math.max(0, top - view / 3);
  }

  /** Draws attention to line `n` for a moment (a node's "made by line" link). */
  function flashLine(n) {
    const row = rows[n - 1];
    if (!row) return;
    reveal(row);
    row.classList.remove('gv-flash');
    void row.offsetWidth;
    row.classList.add('gv-flash');
  }
"""##
}
