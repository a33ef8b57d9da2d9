extension PlayerScript {
    /// The explanation of a step (chain rule set as fractions) and the console.
    static let explain = ##"""
  // ---- The explanation -----------------------------------------------------------------------

  const DERIV = /∂(\([^()]*\)|[^\s/·×⊙=+,()（）]+)\/∂(\([^()]*\)|[^\s/·×⊙=+,()（）]+)/g;

  /** Text with every `∂a/∂b` set as a stacked fraction. */
  function math(text) {
    const span = el('span', { class: 'gv-math' });
    let at = 0;
    let m;
    DERIV.lastIndex = 0;
    while ((m = DERIV.exec(text)) !== null) {
      if (m.index > at) span.append(text.slice(at, m.index));
      span.append(el('span', { class: 'gv-frac', role: 'img', 'aria-label': m[0] },
        el('span', { class: 'gv-num-part', 'aria-hidden': 'true' }, '∂' + m[1]),
        el('span', { class: 'gv-den-part', 'aria-hidden': 'true' }, '∂' + m[2])));
      at = m.index + m[0].length;
    }
    if (at < text.length) span.append(text.slice(at));
    return span;
  }

  function quantity(label, q, cls) {
    return el('div', { class: 'gv-eq' + (cls ? ' ' + cls : '') },
      el('span', { class: 'gv-eq-label' }, label), math(q.text));
  }

  /** One block per input: upstream gradient, local derivative, what the input receives. */
  function chainRule(terms) {
    const box = el('section', { class: 'gv-chain', 'aria-label': t('chain_rule') },
      el('h3', null, t('chain_rule')));
    for (const term of terms) {
      const into = term.input === term.role ? term.input : term.input + ' (' + term.role + ')';
      box.append(el('div', { class: 'gv-term' },
        el('div', { class: 'gv-term-head' }, t('into', { input: into })),
        quantity(t('upstream'), term.upstream),
        quantity(term.elementwise ? t('local_elementwise') : t('local'), term.local),
        quantity(t('downstream'), term.downstream, 'gv-result')));
    }
    return box;
  }

  function sectionLink(title) {
    const s = M.sections.find((x) => x.title === title);
    if (!s || s.frame === null || s.frame === undefined) return el('span', null, title);
    const b = el('button', { type: 'button', class: 'gv-link' }, title);
    b.addEventListener('click', () => show(s.frame - 1));
    return b;
  }

  function explain(f) {
    const c = f.caption;
    const box = $('gv-explain');
    box.replaceChildren();
    if (f.kind === 'title') {
      box.append(el('h2', { class: 'gv-heading' }, c.heading));
      if (c.details.length) {
        box.append(el('p', { class: 'gv-label' }, t('sections')));
        box.append(el('ol', { class: 'gv-toc' }, ...c.details.map((d) => el('li', null, sectionLink(d)))));
      }
      return;
    }
    if (c.section) box.append(el('p', { class: 'gv-section' }, c.section));
    for (const n of c.narration) box.append(el('p', { class: 'gv-narration' }, n));
    if (c.source) {
      box.append(el('p', { class: 'gv-stmt' },
        c.line ? el('span', { class: 'gv-stmt-line' }, t('line_n', { n: c.line })) : null,
        el('code', null, c.source)));
    }
    box.append(el('h2', { class: 'gv-heading' }, math(c.heading)));
    if (c.details.length) box.append(el('ul', { class: 'gv-facts' }, ...c.details.map((d) => el('li', null, math(d)))));
    if (c.chain_rule.length) box.append(chainRule(c.chain_rule));
    for (const s of c.sums) {
      box.append(el('div', { class: 'gv-sum' }, el('span', { class: 'gv-eq-label' }, t('sum')), math(s.text)));
    }
    if (c.error) {
      box.append(el('div', { class: 'gv-error', role: 'alert' },
        el('strong', null, c.error.node ? t('error_in', { type: c.error.type, node: c.error.node }) : c.error.type),
        el('pre', null, c.error.message)));
    }
    if (c.printed) {
      box.append(el('div', { class: 'gv-printed' }, el('span', { class: 'gv-eq-label' }, t('printed')), el('pre', null, c.printed)));
    }
    box.scrollTop = 0;
  }

  // ---- The console ---------------------------------------------------------------------------

  /** The output so far; what this step printed is highlighted. */
  function showOutput(i) {
    const out = FR[i].output || '';
    const before = i > 0 ? FR[i - 1].output || '' : '';
    const pre = $('gv-console');
    pre.replaceChildren();
    if (!out) return;
    if (out.length > before.length && out.startsWith(before)) {
      if (before) pre.append(before);
      pre.append(el('mark', null, out.slice(before.length)));
    } else {
      pre.append(out);
    }
    pre.scrollTop = pre.scrollHeight;
  }
"""##
}
