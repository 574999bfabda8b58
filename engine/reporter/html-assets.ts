/** The report's inline style and script; kept apart so html.ts reads as the page's structure. */

export const STYLE = `
:root{--pass:#1a7f37;--fail:#cf222e;--warn:#9a6700;--skip:#57606a;--forced:#0969da;--line:#d0d7de;--soft:#f6f8fa}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328}
header,main{padding:0 2rem}
h1{font-size:1.5rem;margin:1rem 0 .5rem}
.cards{display:flex;gap:1rem;flex-wrap:wrap}
.card{border:2px solid var(--line);border-radius:8px;padding:.5rem 1rem;min-width:18rem}
.card.pass{border-color:var(--pass)}.card.fail{border-color:var(--fail)}
.card h2{margin:.25rem 0;font-size:1.1rem}.big{font-size:1.15rem;font-weight:600;margin:.25rem 0}
.card.pass .big{color:var(--pass)}.card.fail .big{color:var(--fail)}
.counts{list-style:none;padding:0;margin:.25rem 0;display:flex;gap:.75rem;flex-wrap:wrap}
.note{background:#ddf4ff;border-left:4px solid var(--forced);padding:.5rem 1rem}
.cleanup-warning{background:#ffebe9;border-left:4px solid #cf222e;padding:.5rem 1rem}
.findings-line{font-size:1.1rem}.finding-group .about{color:#57606a}ol.findings li{margin:.4rem 0}
.gate{font-size:1.05rem}.gate.pass b{color:var(--pass)}.gate.fail b{color:var(--fail)}
.filters{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);padding:.5rem 2rem;display:flex;gap:1rem;flex-wrap:wrap;align-items:center;z-index:1}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
.matrix td{min-width:7rem}.matrix small{display:block;color:var(--skip)}
.c-provoked{background:#dafbe1}.c-forced-by-mock{background:#ddf4ff}.c-failed{background:#ffebe9}.c-skipped{background:var(--soft)}.c-not-exercised{background:#fff8c5}.na{color:var(--skip)}
.figures{margin:.25rem 0}
details.req{border:1px solid var(--line);border-left:6px solid var(--line);border-radius:4px;margin:.4rem 0;padding:.3rem .6rem}
details.req.v-fail{border-left-color:var(--fail)}details.req.v-warn{border-left-color:var(--warn)}details.req.v-pass{border-left-color:var(--pass)}details.req.v-skip{border-left-color:var(--skip)}
details.req:target{outline:3px solid var(--forced)}
summary{cursor:pointer}.src{float:right;color:var(--skip);font-size:.9em}
.badge{display:inline-block;min-width:3.2em;text-align:center;border-radius:3px;color:#fff;font-size:.8em;font-weight:600;padding:0 .3em;text-transform:uppercase}
.badge.v-pass{background:var(--pass)}.badge.v-fail{background:var(--fail)}.badge.v-warn{background:var(--warn)}.badge.v-skip{background:var(--skip)}
.level{font-weight:600;font-size:.85em}.forced{color:var(--forced);font-size:.85em;font-weight:600}
.correction{background:#f6f8fa;border-left:3px solid #8250df;padding:.25rem .5rem;margin:.25rem 0}
.test{border-top:1px dashed var(--line);padding:.3rem 0}.reason{color:var(--skip)}
.violation{background:#fff5f5;border-left:3px solid var(--fail);padding:.25rem .5rem;margin:.25rem 0}
.test.v-warn .violation{background:#fff8e5;border-left-color:var(--warn)}
pre{white-space:pre-wrap;word-break:break-all;background:var(--soft);padding:.5rem;margin:.25rem 0;font-size:.9em}
.hidden{display:none!important}
@media print{.filters{display:none}details>summary{list-style:none}.src a.permalink{display:none}body{font-size:11px}}
`;

/** Filters, deep links and printing. No network access: the page's CSP allows none. */
export const SCRIPT = `
(function(){
  var $ = function(id){ return document.getElementById(id); };
  var reqs = Array.prototype.slice.call(document.querySelectorAll('details.req'));
  var blocks = Array.prototype.slice.call(document.querySelectorAll('[data-api].card, .api-block'));
  function apply(){
    var api = $('f-api').value, verdict = $('f-verdict').value, level = $('f-level').value, text = $('f-text').value.toLowerCase().trim();
    var shown = 0;
    reqs.forEach(function(d){
      var ok = (!api || d.dataset.api === api)
        && (!verdict || (verdict === 'forced' ? d.dataset.forced === 'true' : d.dataset.verdict === verdict))
        && (!level || d.dataset.level === level)
        && (!text || d.dataset.text.indexOf(text) >= 0);
      d.classList.toggle('hidden', !ok);
      if (ok) shown++;
    });
    blocks.forEach(function(b){ b.classList.toggle('hidden', !!api && b.dataset.api !== api); });
    $('f-count').textContent = shown + ' of ' + reqs.length + ' requirements shown';
  }
  ['f-api','f-verdict','f-level','f-text'].forEach(function(id){ $(id).addEventListener('input', apply); });
  function follow(){
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && el.tagName === 'DETAILS') {
      el.classList.remove('hidden');
      el.open = true;
      el.scrollIntoView();
    }
  }
  window.addEventListener('hashchange', follow);
  window.addEventListener('beforeprint', function(){ document.querySelectorAll('details').forEach(function(d){ d.open = true; }); });
  apply();
  follow();
})();
`;
