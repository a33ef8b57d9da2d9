extension PlayerScript {
    /// Timeline with section marks, section menu, keyboard, help, start-up.
    static let controls = ##"""
  // ---- Controls ------------------------------------------------------------------------------

  const slider = $('gv-slider');
  const sectionMenu = $('gv-section');
  const sections = M.sections.filter((s) => s.frame !== null && s.frame !== undefined);

  function buildTimeline() {
    slider.min = '1';
    slider.max = String(N);
    const marks = $('gv-marks');
    const span = Math.max(N - 1, 1);
    let labelled = -1;
    sections.forEach((s, k) => {
      const p = (s.frame - 1) / span;
      // Marks closer than about a hundredth of the track keep their tick but not their number.
      const label = labelled < 0 || p - labelled > 0.012;
      if (label) labelled = p;
      const b = el('button', {
        type: 'button', class: 'gv-mark', tabindex: '-1', title: s.title,
        'aria-label': t('jump_to', { title: s.title }), 'data-frame': s.frame,
        style: 'left: calc(9px + (100% - 18px) * ' + p.toFixed(5) + ')',
      }, el('span', { class: 'gv-mark-label' }, label ? String(k + 1) : '\u00a0'));
      b.addEventListener('click', () => show(s.frame - 1));
      marks.append(b);
    });
    sectionMenu.append(el('option', { value: '', disabled: true }, t('choose_section')));
    M.sections.forEach((s, k) => {
      const has = s.frame !== null && s.frame !== undefined;
      sectionMenu.append(el('option', { value: has ? String(s.frame) : '', disabled: !has },
        (k + 1) + '. ' + s.title + (has ? '' : ' ' + t('no_frames'))));
    });
    SPEEDS.forEach((v, k) => $('gv-speed').append(el('option', { value: String(k) }, v + '×')));
    $('gv-speed').value = String(speed);
  }

  /** The section in force at frame `i`: the last one that starts at or before it. */
  function sectionAt(i) {
    let found = null;
    for (const s of sections) if (s.frame - 1 <= i) found = s;
    return found;
  }

  function jumpSection(d) {
    const here = sectionAt(cur);
    const k = here ? sections.indexOf(here) : -1;
    let target;
    if (d > 0) target = sections[k + 1];
    else target = here && here.frame - 1 < cur ? here : sections[k - 1];
    if (target) show(target.frame - 1);
  }

  function syncControls(i) {
    slider.value = String(i + 1);
    const f = FR[i];
    slider.setAttribute('aria-valuetext', t('frame_label', { i: i + 1, n: N }) + ': ' + f.caption.heading);
    $('gv-counter').textContent = (i + 1) + ' / ' + N;
    const s = sectionAt(i);
    sectionMenu.value = s ? String(s.frame) : '';
    if (!s) sectionMenu.selectedIndex = 0;
    for (const b of document.querySelectorAll('.gv-mark')) {
      b.classList.toggle('gv-mark-current', !!s && b.getAttribute('data-frame') === String(s.frame));
    }
    $('gv-prev').disabled = i === 0;
    $('gv-first').disabled = i === 0;
    $('gv-next').disabled = i === N - 1;
    $('gv-last').disabled = i === N - 1;
    $('gv-status').textContent = t('frame_label', { i: i + 1, n: N }) + '. ' + f.caption.heading;
  }

  function toggleWide() {
    const on = document.body.classList.toggle('gv-wide');
    $('gv-wide').setAttribute('aria-pressed', on ? 'true' : 'false');
    if (marked) reveal(marked);
  }

  function toggleHelp(force) {
    const d = $('gv-help');
    const open = force === undefined ? !d.open : force;
    if (open && !d.open) {
      if (typeof d.showModal === 'function') d.showModal(); else d.setAttribute('open', '');
    } else if (!open && d.open) {
      if (typeof d.close === 'function') d.close(); else d.removeAttribute('open');
    }
  }

  function wire() {
    $('gv-first').addEventListener('click', () => show(0));
    $('gv-prev').addEventListener('click', () => step(-1));
    $('gv-next').addEventListener('click', () => step(1));
    $('gv-last').addEventListener('click', () => show(N - 1));
    $('gv-play').addEventListener('click', () => play(!playing));
    $('gv-speed').addEventListener('change', () => setSpeed(parseInt($('gv-speed').value, 10)));
    slider.addEventListener('input', () => show(parseInt(slider.value, 10) - 1));
    sectionMenu.addEventListener('change', () => {
      const k = parseInt(sectionMenu.value, 10);
      if (k) show(k - 1);
    });
    $('gv-view').addEventListener('click', () => setView(view === 'graph' ? 'slide' : 'graph'));
    $('gv-wide').addEventListener('click', toggleWide);
    $('gv-legend-btn').addEventListener('click', () => toggleLegend());
    $('gv-legend-close').addEventListener('click', () => toggleLegend(false));
    $('gv-help-btn').addEventListener('click', () => toggleHelp(true));
    $('gv-help-close').addEventListener('click', () => toggleHelp(false));
    $('gv-details-close').addEventListener('click', closeDetails);
    addEventListener('hashchange', () => {
      const k = frameFromHash();
      if (k !== null && k !== cur) show(k, true);
    });
    document.addEventListener('keydown', onKey);
  }

  function onKey(e) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    if ($('gv-help').open) {
      if (e.key === '?') { toggleHelp(false); e.preventDefault(); }
      return;
    }
    const tag = e.target && e.target.tagName ? e.target.tagName.toUpperCase() : '';
    const inField = tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA';
    const onButton = tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A';
    if (inField && e.key !== 'Escape' && e.key !== '?') return;
    switch (e.key) {
      case 'ArrowRight': case 'n': step(1); break;
      case 'ArrowLeft': case 'b': case 'p': step(-1); break;
      case ' ': if (onButton) return; play(!playing); break;
      case 'k': play(!playing); break;
      case 'Home': show(0); break;
      case 'End': show(N - 1); break;
      case 'PageDown': case ']': jumpSection(1); break;
      case 'PageUp': case '[': jumpSection(-1); break;
      case '+': case '=': setSpeed(speed + 1); break;
      case '-': case '_': setSpeed(speed - 1); break;
      case 'v': setView(view === 'graph' ? 'slide' : 'graph'); break;
      case 'f': toggleWide(); break;
      case 'l': toggleLegend(); break;
      case '?': toggleHelp(true); break;
      case 'Escape':
        if (!$('gv-legend').hidden) toggleLegend(false);
        else if (pinned !== null) closeDetails();
        else return;
        break;
      default: return;
    }
    e.preventDefault();
  }

  buildTimeline();
  wire();
  if (N === 0) {
    $('gv-explain').textContent = t('no_frames');
  } else {
    const start = frameFromHash();
    show(start === null ? 0 : start, start !== null);
  }
  document.documentElement.classList.add('gv-ready');
})();
"""##
}
