/// The player's style sheet: three panes on a laptop screen and up, one column below 900 px;
/// visible focus everywhere; fonts that cover Chinese.
enum PlayerStyle {
    static let css = ##"""
:root{--ink:#1a1a1a;--muted:#5b6068;--faint:#8c8c8c;--panel:#f5f6f8;--line:#d5d8de;--accent:#0b57d0;--focus:#0b57d0;--current:#fff0b3;--current-bar:#c2410c;--grad:#9c2f6a;--error:#b3261e}
*{box-sizing:border-box}
html,body{height:100%;margin:0}
body{font:15px/1.45 "DejaVu Sans","Noto Sans CJK SC","Noto Sans CJK JP","Noto Sans CJK",system-ui,sans-serif;color:var(--ink);background:#fff;display:grid;grid-template-rows:auto minmax(0,1fr) auto;height:100vh;overflow:hidden}
code,pre,.gv-mono{font-family:"DejaVu Sans Mono","Noto Sans Mono CJK SC","Noto Sans Mono CJK",ui-monospace,monospace}
button,select,input{font:inherit;color:inherit}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.gv-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header{display:flex;align-items:center;gap:10px;padding:6px 14px;border-bottom:1px solid var(--line);background:var(--panel);min-width:0}
header h1{font-size:17px;margin:0;flex:1 1 auto;min-width:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
header a{color:var(--accent);white-space:nowrap}
.gv-btn{border:1px solid var(--line);background:#fff;border-radius:6px;padding:4px 10px;cursor:pointer;min-height:32px;white-space:nowrap}
.gv-btn:hover{background:#eef2fb}
.gv-btn[aria-pressed=true]{background:#dbe6fb;border-color:var(--accent)}
.gv-btn:disabled{opacity:.4;cursor:default}
.gv-icon{width:16px;height:16px;vertical-align:-3px;fill:currentColor}
main{display:grid;grid-template-columns:minmax(260px,30%) minmax(0,1fr);min-height:0}
#gv-left{display:flex;flex-direction:column;border-right:1px solid var(--line);min-height:0;min-width:0}
#gv-source-pane{flex:1 1 62%;display:flex;flex-direction:column;min-height:0}
#gv-output-pane{flex:0 1 38%;display:flex;flex-direction:column;min-height:80px;border-top:1px solid var(--line)}
.gv-pane-title{font-size:12px;font-weight:bold;letter-spacing:.04em;text-transform:uppercase;color:var(--muted);margin:0;padding:5px 12px 3px;display:flex;justify-content:space-between;gap:8px}
.gv-pane-title span{text-transform:none;letter-spacing:0;font-weight:normal}
#gv-source{flex:1 1 auto;overflow:auto;position:relative;font:13px/1.55 "DejaVu Sans Mono","Noto Sans Mono CJK SC",ui-monospace,monospace;padding:2px 0 12px}
.gv-ln{display:flex;border-left:4px solid transparent;padding-right:12px}
.gv-ln code{font:inherit;white-space:pre-wrap;overflow-wrap:anywhere;min-width:0;padding-left:1.5em;text-indent:-1.5em}
.gv-no{flex:0 0 3.2em;text-align:right;padding-right:.9em;color:#9aa0a6;user-select:none}
.gv-ln.gv-current{background:var(--current);border-left-color:var(--current-bar)}
.gv-ln.gv-current .gv-no{color:var(--current-bar);font-weight:bold}
.gv-ln.gv-flash{animation:gv-flash 1.6s ease-out}
@keyframes gv-flash{0%{background:#c9dcff}100%{background:transparent}}
.gv-kw{color:#8e24aa;font-weight:bold}.gv-str{color:#1b7f3b}.gv-num{color:#b45309}.gv-com{color:#6b7280;font-style:italic}.gv-sec{color:#0b57d0;font-weight:bold}.gv-call{color:#1e40af}
#gv-console{flex:1 1 auto;overflow:auto;margin:0;padding:6px 12px;background:#1f2125;color:#e8eaed;font-size:13px;line-height:1.45;white-space:pre-wrap;overflow-wrap:anywhere}
#gv-console:empty::before{content:attr(data-empty);color:#9aa0a6;font-style:italic}
#gv-console mark{background:#2f4b26;color:#dcf7c9;border-radius:2px}
#gv-right{display:flex;flex-direction:column;min-width:0;min-height:0;position:relative}
#gv-figure{position:relative;flex:0 1 auto;width:100%;aspect-ratio:var(--gv-aspect,16/9);max-height:74%;min-height:150px;background:#fff}
#gv-stage{position:absolute;inset:0;padding:4px}
#gv-stage svg{width:100%;height:100%;display:block}
#gv-stage svg.gv-cropped g.caption,#gv-stage svg.gv-cropped g.legend,#gv-stage svg.gv-cropped>text,#gv-stage svg.gv-cropped [data-part=caption-panel]{display:none}
#gv-play[aria-pressed=true] .gv-icon-play,#gv-play[aria-pressed=false] .gv-icon-pause{display:none}
#gv-stage g.node{cursor:pointer;outline:none}
.gv-focus-ring{fill:none;stroke:var(--focus);stroke-width:3px;vector-effect:non-scaling-stroke;pointer-events:none}
.gv-pinned-ring{fill:none;stroke:#111;stroke-width:2px;stroke-dasharray:6 4;vector-effect:non-scaling-stroke;pointer-events:none}
#gv-explain{flex:1 1 0;min-height:26%;overflow:auto;border-top:1px solid var(--line);background:var(--panel);padding:6px 18px 12px}
#gv-explain p{margin:4px 0}
.gv-section{font-weight:bold;color:var(--muted);font-size:13px;text-transform:none}
.gv-narration{font-style:italic;color:#3c4043}
.gv-stmt code{background:#fff7d6;padding:1px 6px;border-radius:4px}
.gv-stmt-line{color:var(--muted);font-size:13px;margin-right:8px}
.gv-heading{font-size:17px;margin:6px 0 4px}
.gv-facts{margin:2px 0 4px;padding-left:20px}
.gv-label,.gv-eq-label{color:var(--muted);font-size:12px;font-weight:bold;text-transform:uppercase;letter-spacing:.03em;margin-right:10px;display:inline-block;min-width:7.5em}
.gv-chain h3{font-size:13px;margin:8px 0 4px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.gv-chain{display:flex;flex-wrap:wrap;gap:8px}
.gv-chain h3{flex:1 0 100%}
.gv-term{background:#fff;border:1px solid var(--line);border-left:4px solid var(--grad);border-radius:6px;padding:4px 10px;flex:1 1 320px;min-width:0}
.gv-term-head{font-weight:bold;margin-bottom:2px}
.gv-eq{display:flex;align-items:baseline;gap:4px;overflow-wrap:anywhere}
.gv-eq .gv-eq-label{flex:0 0 auto}
.gv-result .gv-math{font-weight:bold;color:var(--grad)}
.gv-math{line-height:2}
.gv-frac{display:inline-flex;flex-direction:column;vertical-align:middle;text-align:center;line-height:1.1;margin:0 2px;font-size:.92em}
.gv-frac>span:first-child{border-bottom:1px solid currentColor;padding:0 2px}
.gv-sum{margin-top:6px;font-weight:bold}
.gv-error{border-left:4px solid var(--error);background:#fdecea;padding:4px 10px;margin:6px 0;color:var(--error)}
.gv-error pre{margin:2px 0;white-space:pre-wrap;color:var(--ink)}
.gv-printed pre{margin:2px 0;background:#1f2125;color:#e8eaed;padding:4px 8px;border-radius:4px;white-space:pre-wrap}
.gv-toc{margin:4px 0;padding-left:24px}
.gv-link{background:none;border:0;padding:0;color:var(--accent);text-decoration:underline;cursor:pointer;text-align:left}
#gv-details{position:absolute;top:8px;right:8px;bottom:8px;width:min(400px,46%);background:#fff;border:1px solid var(--line);border-radius:8px;box-shadow:0 4px 18px rgba(0,0,0,.18);display:flex;flex-direction:column;z-index:2}
#gv-details.gv-on-left{right:auto;left:8px}
#gv-details[hidden],#gv-legend[hidden]{display:none}
.gv-details-head{display:flex;align-items:center;gap:8px;padding:6px 8px 6px 14px;border-bottom:1px solid var(--line)}
.gv-details-head h2{font-size:16px;margin:0;flex:1;overflow-wrap:anywhere}
#gv-details-body{overflow:auto;padding:6px 14px 12px}
.gv-props{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:4px 12px;margin:4px 0}
.gv-props dt{color:var(--muted);font-size:13px;padding-top:2px}
.gv-props dd{margin:0;min-width:0;overflow-wrap:anywhere}
.gv-repr{margin:0;background:var(--panel);padding:4px 6px;border-radius:4px;overflow:auto;max-height:16em;font-size:13px}
.gv-plain-list{list-style:none;margin:0;padding:0}
.gv-note{color:var(--muted);font-style:italic}
#gv-legend{position:absolute;left:8px;bottom:8px;max-width:calc(100% - 16px);background:#fff;border:1px solid var(--line);border-radius:8px;box-shadow:0 4px 18px rgba(0,0,0,.18);padding:4px 10px 8px;z-index:3}
#gv-legend .gv-details-head{padding:2px 0 4px;border:0}
footer{border-top:1px solid var(--line);background:var(--panel);padding:2px 12px 6px}
.gv-timeline{position:relative;padding-top:18px}
#gv-marks{position:absolute;left:0;right:0;top:0;height:18px}
.gv-mark{position:absolute;top:0;transform:translateX(-50%);border:0;background:none;padding:0 2px;cursor:pointer;color:var(--muted);font-size:11px;line-height:14px}
.gv-mark::after{content:"";display:block;width:2px;height:8px;margin:0 auto;background:currentColor}
.gv-mark-current{color:var(--current-bar);font-weight:bold}
#gv-slider{width:100%;margin:0;height:22px;background:transparent;-webkit-appearance:none;appearance:none;cursor:pointer}
#gv-slider::-webkit-slider-runnable-track{height:6px;background:#c9cdd4;border-radius:3px}
#gv-slider::-moz-range-track{height:6px;background:#c9cdd4;border-radius:3px}
#gv-slider::-webkit-slider-thumb{-webkit-appearance:none;appearance:none;width:18px;height:18px;border-radius:50%;background:var(--accent);margin-top:-6px;border:2px solid #fff;box-shadow:0 0 0 1px var(--accent)}
#gv-slider::-moz-range-thumb{width:14px;height:14px;border-radius:50%;background:var(--accent);border:2px solid #fff;box-shadow:0 0 0 1px var(--accent)}
.gv-controls{display:flex;flex-wrap:wrap;align-items:center;gap:6px 8px;margin-top:2px}
.gv-controls label{display:flex;align-items:center;gap:4px;color:var(--muted);font-size:13px}
.gv-controls select{border:1px solid var(--line);border-radius:6px;background:#fff;min-height:32px;max-width:24em}
#gv-counter{font-variant-numeric:tabular-nums;min-width:5.5em;text-align:center;font-weight:bold}
.gv-spacer{flex:1 1 auto}
dialog#gv-help{border:1px solid var(--line);border-radius:10px;max-width:560px;width:calc(100% - 32px);padding:14px 20px}
dialog#gv-help::backdrop{background:rgba(0,0,0,.3)}
#gv-help table{border-collapse:collapse;width:100%}
#gv-help th,#gv-help td{text-align:left;padding:3px 8px;border-bottom:1px solid #eceef1;vertical-align:top}
#gv-help kbd{font-family:"DejaVu Sans Mono",monospace;border:1px solid #c5c9d0;border-bottom-width:2px;border-radius:4px;padding:0 5px;background:#fafafa;font-size:13px}
body.gv-wide main{grid-template-columns:0 minmax(0,1fr)}body.gv-wide #gv-left{display:none}
@media (max-height:820px){body{font-size:14px}header{padding:3px 12px}header h1{font-size:15px}.gv-btn{min-height:28px;padding:2px 8px}.gv-controls select{min-height:28px}#gv-explain{padding:4px 14px 8px}.gv-heading{font-size:15px;margin:4px 0 2px}#gv-source{font-size:12px}}
@media (max-width:900px){body{height:auto;overflow:auto;display:block}main{display:flex;flex-direction:column}#gv-left{order:2;border-right:0}#gv-source-pane{height:45vh}#gv-output-pane{height:25vh}#gv-figure{max-height:70vh;flex:none}#gv-explain{max-height:none}footer{position:sticky;bottom:0}}
@media (prefers-reduced-motion:reduce){.gv-ln.gv-flash{animation:none;background:#c9dcff}}
"""##
}
