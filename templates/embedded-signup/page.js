// The signup page's words, looks and developer panel (written by `ycp signup scaffold`; docs/signup.md).
// It reads the JSON block #ycp-config and hands signup.js what it needs as window.ycpPage. Everything it
// shows is set as text; the developer panel (?debug=1, or `signup serve` in sandbox mode) is the only
// place for event names, timings and IDs.
(function () {
  'use strict';
  var started = Date.now();
  var cfg = readConfig();
  var lang = pickLang();
  var words = (cfg.texts && (cfg.texts[lang] || cfg.texts.en)) || {};
  var debug = debugOn();

  function $(id) { return document.getElementById(id); }
  var el = {
    title: $('title'), intro: $('intro'), how: $('how'), connect: $('connect'), status: $('status'), retry: $('retry'),
    progress: $('progress'), result: $('result'), resultTitle: $('result-title'), resultText: $('result-text'),
    resultRef: $('result-ref'), resultRetry: $('result-retry'), debug: $('debug'), debugInfo: $('debug-info'), debugLog: $('debug-log'),
  };

  function readConfig() {
    try {
      var v = JSON.parse(($('ycp-config') && $('ycp-config').textContent) || '{}');
      return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
    } catch (e) {
      return {};
    }
  }
  function positive(v, dflt) { return typeof v === 'number' && v > 0 ? v : dflt; }
  function pickLang() {
    if (cfg.pageLang === 'en' || cfg.pageLang === 'zh-CN') return cfg.pageLang;
    var list = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en']);
    for (var i = 0; i < list.length; i++) {
      if (/^zh\b/i.test(list[i])) return 'zh-CN';
      if (/^en\b/i.test(list[i])) return 'en';
    }
    return 'en';
  }
  function debugOn() {
    var q = /[?&]debug=([01])(?:&|$)/.exec(location.search);
    return q ? q[1] === '1' : cfg.debug === true;
  }
  /** A catalog message with its {placeholders} filled in; the result is only ever set as text. */
  function tr(key, params) {
    var s = typeof words[key] === 'string' ? words[key] : key;
    return s.replace(/\{(\w+)\}/g, function (m, name) { return params && params[name] !== undefined ? String(params[name]) : m; });
  }
  function text(node, value) { if (node) node.textContent = value; }

  // ---- the developer panel -------------------------------------------------------------------------
  function info(key, params, warn) {
    if (!debug) return;
    var li = document.createElement('li');
    li.textContent = tr('dbg.' + key, params);
    if (warn) li.className = 'warn';
    el.debugInfo.appendChild(li);
  }
  function log(key, params, warn) {
    if (!debug) return;
    var li = document.createElement('li');
    li.textContent = tr('dbg.at', { ms: Date.now() - started }) + '  ' + tr('dbg.' + key, params);
    if (warn) li.className = 'warn';
    el.debugLog.appendChild(li);
  }

  // ---- what the customer sees ----------------------------------------------------------------------
  function setButton(label, disabled) {
    el.connect.hidden = false;
    text(el.connect, label);
    el.connect.disabled = Boolean(disabled);
  }
  function setStatus(value, isError) {
    text(el.status, value || '');
    el.status.className = isError ? 'status error' : 'status';
  }
  function setProgress(states) {
    el.progress.hidden = false;
    var ids = ['progress-shared', 'progress-checked', 'progress-active'];
    var keys = ['stepShared', 'stepChecked', 'stepActive'];
    for (var i = 0; i < ids.length; i++) {
      var li = $(ids[i]);
      text(li, tr(keys[i]));
      li.className = states[i] || '';
    }
  }
  /** A final state: the button and the explanation make way for the result box. */
  function showResult(ok, title, body, ref, retry) {
    el.connect.hidden = true;
    el.how.hidden = true;
    el.retry.hidden = true;
    setStatus('');
    el.result.hidden = false;
    el.result.className = ok ? 'result ok' : 'result bad';
    text(el.resultTitle, title);
    text(el.resultText, body);
    el.resultRef.hidden = !ref;
    text(el.resultRef, ref ? tr('reference', { ref: ref }) : '');
    el.resultRetry.hidden = !retry;
    text(el.resultRetry, tr('retry'));
    el.resultRetry.onclick = retry || null;
  }
  function reload() { location.reload(); }

  function applyBranding() {
    var name = typeof cfg.brandName === 'string' ? cfg.brandName.trim().slice(0, 80) : '';
    document.documentElement.lang = lang;
    document.title = name ? tr('titleBrand', { brand: name }) : tr('htmlTitle');
    text(el.title, name ? tr('titleBrand', { brand: name }) : tr('title'));
    text(el.intro, tr('intro'));
    text($('how-title'), tr('howTitle'));
    text($('how-1'), tr('how1'));
    text($('how-2'), tr('how2'));
    text($('how-3'), tr('how3'));
    text($('privacy'), tr('privacy'));
    if (name) {
      text($('brand-name'), name);
      $('brand-name').hidden = false;
    }
    if (typeof cfg.logo === 'string' && /^logo\.(png|jpg|gif|webp|svg)$/.test(cfg.logo)) {
      var img = $('logo');
      img.onload = function () { img.hidden = false; $('logo-default').hidden = true; };
      img.alt = name;
      img.src = cfg.logo;
    }
    if (typeof cfg.brandColor === 'string' && /^#[0-9a-fA-F]{6}$/.test(cfg.brandColor)) {
      var rgb = [1, 3, 5].map(function (i) { return parseInt(cfg.brandColor.slice(i, i + 2), 16); });
      var lum = (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;
      var root = document.documentElement.style;
      root.setProperty('--brand', cfg.brandColor);
      root.setProperty('--brand-dark', 'rgb(' + rgb.map(function (c) { return Math.round(c * 0.82); }).join(',') + ')');
      root.setProperty('--brand-ink', lum > 0.6 ? '#17202a' : '#ffffff');
    }
  }

  applyBranding();
  if (debug) {
    el.debug.hidden = false;
    text($('debug-title'), tr('dbg.title'));
    text($('debug-note'), tr('dbg.note'));
  }

  window.ycpPage = Object.freeze({
    cfg: cfg, lang: lang, debug: debug, el: el, $: $, tr: tr, text: text, info: info, log: log, positive: positive,
    setButton: setButton, setStatus: setStatus, setProgress: setProgress, showResult: showResult, reload: reload,
  });
})();
