extension PlayerScript {
    /// The picture: inlined SVG, graph-only view, focusable nodes, the legend.
    static let frame = ##"""
  // ---- The picture -------------------------------------------------------------------------

  const stage = $('gv-stage');

  /** Draws frame `i`'s SVG; in graph view a step frame is cut to its graph panel (the
   *  explanation is beside it as text), title and summary frames stay whole. */
  function drawFrame(f, i) {
    stage.innerHTML = SVGS[i];
    const svg = stage.querySelector('svg');
    if (!svg) return;
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    svg.setAttribute('role', 'group');
    svg.setAttribute('aria-label', t('frame_label', { i: i + 1, n: N }) + ': ' + f.caption.heading);
    const clip = svg.querySelector('clipPath rect');
    if (view === 'graph' && f.kind === 'step' && clip) {
      const x = +clip.getAttribute('x'), y = +clip.getAttribute('y');
      const w = +clip.getAttribute('width'), h = +clip.getAttribute('height');
      const pad = 8;
      svg.setAttribute('viewBox', [x - pad, y - pad, w + 2 * pad, h + 2 * pad].join(' '));
      svg.classList.add('gv-cropped');
    }
    const box = svg.viewBox && svg.viewBox.baseVal;
    if (box && box.width > 0 && box.height > 0) $('gv-figure').style.setProperty('--gv-aspect', String(box.width / box.height));
    const nodes = FR[i].scene.nodes;
    const byId = new Map(nodes.map((n) => [n.id, n]));
    for (const g of svg.querySelectorAll('g.node[id]')) {
      const n = byId.get(g.id);
      const title = g.querySelector('title');
      const first = title ? title.textContent.split('\n')[0] : g.id;
      g.setAttribute('tabindex', '0');
      g.setAttribute('role', 'button');
      g.setAttribute('aria-label', t('node_button', { name: first }) + (n ? '' : ' (' + t('released_node') + ')'));
      if (g.id === pinned) ring(g, 'gv-pinned-ring');
    }
  }

  /** A ring around node group `g` (focus or the node whose details are open). */
  function ring(g, cls) {
    for (const old of g.querySelectorAll('.' + cls)) old.remove();
    let b;
    try { b = g.getBBox(); } catch (e) { return; }
    const r = document.createElementNS(NS, 'rect');
    const pad = 6;
    r.setAttribute('x', b.x - pad);
    r.setAttribute('y', b.y - pad);
    r.setAttribute('width', b.width + 2 * pad);
    r.setAttribute('height', b.height + 2 * pad);
    r.setAttribute('rx', 10);
    r.setAttribute('class', cls);
    r.setAttribute('aria-hidden', 'true');
    g.append(r);
  }

  function nodeOf(target) {
    return target && target.closest ? target.closest('g.node[id]') : null;
  }

  stage.addEventListener('click', (e) => {
    const g = nodeOf(e.target);
    if (g) openDetails(g.id, g);
  });
  stage.addEventListener('keydown', (e) => {
    const g = nodeOf(e.target);
    if (g && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      e.stopPropagation();
      openDetails(g.id, g);
    }
  });
  stage.addEventListener('focusin', (e) => {
    const g = nodeOf(e.target);
    if (g) ring(g, 'gv-focus-ring');
  });
  stage.addEventListener('focusout', (e) => {
    const g = nodeOf(e.target);
    if (g) for (const r of g.querySelectorAll('.gv-focus-ring')) r.remove();
  });

  function setView(v) {
    view = v;
    const b = $('gv-view');
    b.setAttribute('aria-pressed', v === 'slide' ? 'true' : 'false');
    b.textContent = v === 'slide' ? t('view_graph') : t('view_slide');
    const k = cur;
    cur = -1;
    show(k, true);
  }

  // ---- Legend (graph view cuts it off the frame) ---------------------------------------------

  let legendBuilt = false;

  function buildLegend() {
    if (legendBuilt) return;
    legendBuilt = true;
    const box = $('gv-legend-body');
    for (let k = 0; k < N; k++) {
      if (SVGS[k].indexOf('class="legend"') < 0) continue;
      const tpl = document.createElement('template');
      tpl.innerHTML = SVGS[k];
      const g = tpl.content.querySelector('g.legend');
      if (!g) continue;
      const svg = document.createElementNS(NS, 'svg');
      svg.setAttribute('font-family', 'DejaVu Sans, Noto Sans CJK SC, sans-serif');
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', t('legend'));
      svg.append(document.importNode(g, true));
      box.append(svg);
      const b = svg.getBBox();
      svg.setAttribute('viewBox', [b.x - 4, b.y - 4, b.width + 8, b.height + 8].join(' '));
      svg.style.width = Math.round((b.width + 8) * 0.7) + 'px';
      svg.style.maxWidth = '100%';
      return;
    }
    box.append(el('p', null, t('no_legend')));
  }

  function toggleLegend(force) {
    const p = $('gv-legend');
    const open = force === undefined ? p.hidden : force;
    p.hidden = !open;
    $('gv-legend-btn').setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open) buildLegend();
  }
"""##
}
