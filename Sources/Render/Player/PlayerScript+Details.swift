extension PlayerScript {
    /// A node's details: PyTorch's printed value and grad, shape, dtype, grad_fn, the line that made it.
    static let details = ##"""
  // ---- A node's details ----------------------------------------------------------------------

  function num(x) {
    if (typeof x === 'number') return Number.isInteger(x) ? String(x) : String(+x.toPrecision(6));
    if (typeof x === 'boolean') return x ? 'True' : 'False';
    return String(x);
  }

  /** Values as the manifest holds them: nested lists, a bare number, or a summary. */
  function valuesText(v) {
    if (v === null || v === undefined) return 'None';
    if (typeof v === 'object' && !Array.isArray(v) && v.summary) {
      const s = v.summary;
      return t('summary_values', { count: s.count, min: num(s.min), max: num(s.max), mean: num(s.mean), norm: num(s.norm) });
    }
    const walk = (x) => (Array.isArray(x) ? '[' + x.map(walk).join(', ') + ']' : num(x));
    return walk(v);
  }

  function sizeText(shape) { return 'torch.Size([' + shape.join(', ') + '])'; }

  function nodeButton(id, label) {
    const b = el('button', { type: 'button', class: 'gv-link', 'data-node': id }, label);
    b.addEventListener('click', () => openDetails(id));
    return b;
  }

  function lineButton(n) {
    if (!n) return t('unknown');
    const text = lines[n - 1] ? lines[n - 1].trim() : '';
    const b = el('button', { type: 'button', class: 'gv-link gv-line-link', 'data-line': n },
      t('line_n', { n: n }), text ? ': ' : '', text ? el('code', null, text) : null);
    b.addEventListener('click', () => flashLine(n));
    return b;
  }

  function row(dl, key, value, field) {
    dl.append(el('dt', null, key), el('dd', field ? { 'data-field': field } : null, value));
  }

  function block(text, field) { return el('pre', { class: 'gv-repr', 'data-field': field }, text); }

  function opName(scene, id) {
    const n = id ? scene.nodes.find((x) => x.id === id) : null;
    return n ? n.op : null;
  }

  function tensorDetails(n, scene, dl) {
    row(dl, t('value'), n.repr !== undefined ? block(n.repr, 'repr') : el('span', { 'data-field': 'values' }, valuesText(n.values)));
    let grad;
    if (n.grad === null) grad = el('span', { 'data-field': 'grad_repr' }, 'None');
    else if (n.grad_repr !== undefined) grad = block(n.grad_repr, 'grad_repr');
    else grad = el('span', { 'data-field': 'grad' }, valuesText(n.grad));
    row(dl, t('grad'), grad);
    if (n.arrived !== undefined) {
      row(dl, t('arrived'), n.arrived_repr !== undefined ? block(n.arrived_repr, 'arrived_repr') : valuesText(n.arrived));
    }
    row(dl, t('shape'), sizeText(n.shape), 'shape');
    row(dl, 'dtype', n.dtype, 'dtype');
    const fn = opName(scene, n.grad_fn);
    row(dl, 'grad_fn', n.grad_fn ? nodeButton(n.grad_fn, '<' + (fn || n.grad_fn) + '>') : 'None', 'grad_fn');
    row(dl, 'requires_grad', n.requires_grad ? 'True' : 'False', 'requires_grad');
    row(dl, 'is_leaf', n.is_leaf ? 'True' : 'False', 'is_leaf');
    if (n.is_parameter) row(dl, t('parameter'), 'nn.Parameter');
    if (n.module) row(dl, t('module'), n.module.path + ': ' + n.module.label, 'module');
    row(dl, t('version'), String(n.version));
    row(dl, t('made_by'), lineButton(n.line), 'line');
  }

  function functionDetails(n, scene, dl) {
    row(dl, t('kind'), n.kind === 'accumulate_grad' ? t('kind_accumulate') : t('kind_grad_fn'));
    if (n.variable) {
      const v = scene.nodes.find((x) => x.id === n.variable);
      row(dl, t('accumulates_into'), nodeButton(n.variable, (v && v.name ? v.name : n.variable) + '.grad'));
    }
    const next = scene.edges.filter((e) => e.from === n.id && e.kind === 'next');
    if (next.length) {
      const list = el('ul', { class: 'gv-plain-list' });
      for (const e of next) list.append(el('li', null, nodeButton(e.to, opName(scene, e.to) || e.to)));
      row(dl, 'next_functions', list);
    }
    if (n.saved.length) {
      const list = el('ul', { class: 'gv-plain-list' });
      for (const s of n.saved) list.append(el('li', null, el('code', null, s.name), ' = ', el('span', null, valuesText(s.values))));
      row(dl, t('saved'), list);
    } else if (n.kind === 'grad_fn') {
      row(dl, t('saved'), n.released ? t('saved_freed') : t('nothing'));
    }
    if (n.released) row(dl, t('released_label'), t('released_text'));
    if (n.module) row(dl, t('module'), n.module.path + ': ' + n.module.label, 'module');
    row(dl, t('made_by'), lineButton(n.line), 'line');
  }

  /** Fills the details panel for node `id` of the current frame. */
  function showDetails(id, focusPanel) {
    const panel = $('gv-details');
    const body = $('gv-details-body');
    const scene = FR[cur].scene;
    const n = scene.nodes.find((x) => x.id === id);
    body.replaceChildren();
    panel.hidden = false;
    panel.setAttribute('data-node', id);
    const title = $('gv-details-title');
    if (!n) {
      title.textContent = id;
      body.append(el('p', { class: 'gv-note' }, t('not_in_step')));
    } else {
      const name = n.kind === 'tensor' ? (n.name || t('unnamed_tensor')) : n.op + (n.name ? ' (' + n.name + ')' : '');
      title.textContent = name;
      if (n.names.length > 1) body.append(el('p', { class: 'gv-note' }, t('also_named', { names: n.names.slice(1).join(', ') })));
      const dl = el('dl', { class: 'gv-props' });
      if (n.kind === 'tensor') tensorDetails(n, scene, dl);
      else functionDetails(n, scene, dl);
      body.append(dl);
    }
    if (focusPanel) $('gv-details-close').focus();
  }

  function openDetails(id, fromNode) {
    pinned = id;
    for (const r of stage.querySelectorAll('.gv-pinned-ring')) r.remove();
    const g = stage.querySelector('g.node[id="' + id + '"]');
    if (g) {
      ring(g, 'gv-pinned-ring');
      // The panel covers the half of the picture away from the node.
      const f = $('gv-figure').getBoundingClientRect(), r = g.getBoundingClientRect();
      $('gv-details').classList.toggle('gv-on-left', r.left + r.width / 2 > f.left + f.width / 2);
    }
    showDetails(id, false);
    if (!fromNode && g) g.focus();
  }

  function closeDetails() {
    const had = pinned;
    pinned = null;
    $('gv-details').hidden = true;
    for (const r of stage.querySelectorAll('.gv-pinned-ring')) r.remove();
    const g = had ? stage.querySelector('g.node[id="' + had + '"]') : null;
    if (g) g.focus();
  }
"""##
}
