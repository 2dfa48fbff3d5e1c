// WhatsApp Embedded Signup page written by `ycp signup scaffold` (docs/signup.md). Dependency-free.
// The flow: the session messages, FB.login, the result posted to the backend. Values come from the JSON
// block #ycp-config through page.js (window.ycpPage), which also holds every word and the UI.
(function () {
  'use strict';
  var P = window.ycpPage;
  if (!P) return;
  var cfg = P.cfg, el = P.el, tr = P.tr, text = P.text, log = P.log, info = P.info, positive = P.positive;
  var setButton = P.setButton, setStatus = P.setStatus, setProgress = P.setProgress, showResult = P.showResult, reload = P.reload;

  // docs/signup.md "Origins": exact origins, never endsWith('facebook.com') (evilfacebook.com would pass).
  // Another *.facebook.com origin is ignored and named in the developer panel, so the list can grow with evidence.
  var FB_ORIGINS = ['https://www.facebook.com', 'https://web.facebook.com', 'https://business.facebook.com', 'https://staticxx.facebook.com'];
  var FB_SDK = 'https://connect.facebook.net/en_US/sdk.js';
  // The local sandbox (`ycp sandbox`) is plain http on loopback; nothing else may stand in for Facebook.
  var LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/;
  // The session events of a customer who left the flow (CANCEL) or of a flow that failed (ERROR).
  var CANCEL_OR_ERROR = /^(CANCEL|ERROR)(_|$)/;
  var DIGITS = /^\d{1,32}$/;
  // Meta's v4 asset arrays, each present only when the customer picked such assets.
  var ASSETS = ['ad_account_ids', 'page_ids', 'dataset_ids', 'catalog_ids', 'instagram_account_ids', 'waba_ids'];
  var KNOWN = ['waba_id', 'phone_number_id', 'business_id', 'current_step', 'error_message', 'error_code', 'error_id', 'session_id', 'timestamp'].concat(ASSETS);
  // extras.version per page version; v2 has none (it is selected by sessionInfoVersion).
  var EXTRAS_VERSION = { v4: 'v4', v3: 'v3' };
  var DEPRECATION_DATE = '2026-10-15';
  var esVersion = cfg.esVersion === 'v3' || cfg.esVersion === 'v2' ? cfg.esVersion : 'v4';
  var sandboxOrigin = cfg.sandbox === true && typeof cfg.sandboxOrigin === 'string' && LOOPBACK.test(cfg.sandboxOrigin) ? cfg.sandboxOrigin : null;
  var allowedOrigins = sandboxOrigin ? FB_ORIGINS.concat([sandboxOrigin]) : FB_ORIGINS;
  var includeCode = cfg.includeCode === true;
  var pairTimeoutMs = positive(cfg.pairTimeoutMs, 20000);
  var closeGraceMs = positive(cfg.closeGraceMs, 3000);
  var sdkTimeoutMs = positive(cfg.sdkTimeoutMs, 20000);
  var serve = typeof cfg.callbackUrl === 'string' && typeof cfg.state === 'string' && cfg.state ? { url: cfg.callbackUrl, state: cfg.state } : null;
  var target = serve ? serve.url : backendUrl(cfg.backendUrl);

  // One signup per page load. The code (from FB.login) and the session message (from postMessage) arrive
  // in either order; Meta's code lives 30 s, so a result goes out as soon as it is whole.
  var pending = { session: null, cancelled: false, code: null, gotCode: false, loginDone: false, timer: null, codeWait: false, posted: false, body: null };
  var postedCodes = {};

  function backendUrl(v) {
    if (typeof v !== 'string') return null;
    // https, or plain http on loopback (testing): the origin as LOOPBACK has it, then any path.
    var local = /^(http:\/\/[^/]*)(\/[^\s]*)?$/.exec(v);
    return /^https:\/\/[^\s]+$/.test(v) || (local && LOOPBACK.test(local[1])) ? v : null;
  }

  // ---- session messages --------------------------------------------------------------------------
  // Registered before the SDK loads and before FB.login runs.
  window.addEventListener('message', function (event) {
    var data = parseJson(event.data);
    if (!data || data.type !== 'WA_EMBEDDED_SIGNUP') return; // Facebook frames post plenty of other messages
    if (allowedOrigins.indexOf(event.origin) < 0) return log('ignored', { origin: String(event.origin) }, true);
    onSession(data, event.origin);
  });

  function parseJson(raw) {
    if (raw && typeof raw === 'object') return raw;
    if (typeof raw !== 'string') return null;
    try {
      var v = JSON.parse(raw);
      return v && typeof v === 'object' ? v : null;
    } catch (e) {
      return null;
    }
  }
  function str(v) { return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined; }
  function id(v) { var s = str(v); return s && DIGITS.test(s) ? s : undefined; }

  function onSession(data, origin) {
    var name = String(data.event || '');
    var d = parseJson(data.data) || {};
    log('message', { event: name, origin: origin, version: data.version === undefined ? '-' : String(data.version) });
    var unknown = Object.keys(d).filter(function (k) { return KNOWN.indexOf(k) < 0; });
    if (unknown.length) log('dropped', { keys: unknown.join(', ') });
    if (pending.posted || pending.session) return;
    if (CANCEL_OR_ERROR.test(name)) {
      pending.cancelled = true;
      pending.session = clean({
        event: name,
        current_step: str(d.current_step),
        error_message: str(d.error_message),
        error_code: str(d.error_code) || str(d.error_id),
        session_id: str(d.session_id),
        timestamp: str(d.timestamp),
      });
      return post(pending.session);
    }
    // FINISH, FINISH_ONLY_WABA, FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING, and any other FINISH* with a WABA.
    if (name.indexOf('FINISH') !== 0 || !id(d.waba_id)) return log('unknown', { event: name });
    var s = { event: name, waba_id: id(d.waba_id), phone_number_id: id(d.phone_number_id), business_id: id(d.business_id) };
    ASSETS.forEach(function (k) {
      if (!Array.isArray(d[k])) return;
      var ids = d[k].map(id).filter(Boolean);
      if (ids.length) s[k] = ids;
    });
    pending.session = clean(s);
    tryPost();
  }

  function clean(o) {
    for (var k in o) if (o[k] === undefined) delete o[k];
    return o;
  }

  function onLogin(response) {
    var code = response && response.authResponse && response.authResponse.code;
    pending.loginDone = true;
    pending.gotCode = typeof code === 'string' && code !== '';
    log(pending.gotCode ? 'cbCode' : 'cbNoCode');
    if (pending.gotCode && includeCode) {
      if (pending.cancelled) log('lateCode', { event: pending.session.event });
      else if (postedCodes[code]) log('staleCode');
      else pending.code = code;
    }
    if (pending.session) return tryPost();
    // Meta posts the session message before the window closes; give a late one a moment.
    clearTimeout(pending.timer);
    pending.timer = setTimeout(onNoSession, pending.gotCode ? pairTimeoutMs : closeGraceMs);
    setStatus(tr('finishing'));
  }

  function onNoSession() {
    if (pending.posted || pending.session) return;
    if (pending.gotCode) {
      // The usual cause: this domain is not in the app's Allowed Domains, so Meta posts no session info.
      var why = tr('dbg.noSession', { seconds: Math.round(pairTimeoutMs / 1000), host: location.hostname });
      log('noSession', { seconds: Math.round(pairTimeoutMs / 1000), host: location.hostname }, true);
      post({ event: 'ERROR', error_code: 'YCP_NO_SESSION_INFO', error_message: why });
    } else {
      post({ event: 'CANCEL', current_step: 'POPUP_CLOSED' });
    }
  }

  function tryPost() {
    if (pending.posted || !pending.session) return;
    if (includeCode && !pending.code && !pending.codeWait) {
      if (!pending.loginDone) {
        setStatus(tr('finishing'));
        clearTimeout(pending.timer);
        // Without the code after this long, the result goes without it rather than not at all.
        pending.timer = setTimeout(function () { pending.codeWait = true; tryPost(); }, pairTimeoutMs);
        return;
      }
    }
    var body = {};
    for (var k in pending.session) body[k] = pending.session[k];
    if (includeCode && pending.code) {
      body.code = pending.code;
      postedCodes[pending.code] = true;
    }
    post(body);
  }

  // ---- the result goes to the backend ------------------------------------------------------------
  function post(body) {
    if (pending.posted) return;
    pending.posted = true;
    pending.code = null;
    clearTimeout(pending.timer);
    var cancelled = CANCEL_OR_ERROR.test(body.event);
    if (cancelled) showFailure(body);
    else {
      el.how.hidden = true;
      el.connect.hidden = true;
      setStatus(tr('finishing'));
    }
    var shown = {};
    for (var k in body) if (k !== 'code') shown[k] = body[k];
    log('body', { body: JSON.stringify(shown) + (body.code ? ' + code' : '') });
    if (!target) {
      log('noTarget', {}, true);
      if (!cancelled) showSaved(body);
      return;
    }
    pending.body = serve ? merge({ state: serve.state }, body) : body;
    send(cancelled);
  }

  function merge(a, b) { for (var k in b) a[k] = b[k]; return a; }

  function send(cancelled) {
    fetch(target, { method: 'POST', mode: 'cors', credentials: 'omit', headers: { 'content-type': 'application/json' }, body: JSON.stringify(pending.body) })
      .then(function (res) {
        log('post', { url: target, status: res.status }, !res.ok);
        // 409 from `signup serve`: this very result was already received (a retry after a lost answer).
        if (!res.ok && res.status !== 409) throw new Error('HTTP ' + res.status);
        pending.body = null; // the code, if any, is gone from memory once delivered
        // `signup serve` waits for the page to read the final state before it stops: read it once.
        if (cancelled) return void (serve && typeof cfg.progressUrl === 'string' && fetch(cfg.progressUrl, { headers: { 'x-ycp-state': serve.state }, cache: 'no-store' }).catch(function () {}));
        if (serve && typeof cfg.progressUrl === 'string') {
          setStatus(tr('settingUp'));
          setProgress(['done', 'active', '']);
          return pollProgress(0);
        }
        showSaved(JSON.parse(JSON.stringify(pending.session || {})));
      })
      .catch(function (err) {
        log('postFailed', { url: target, reason: String(err && err.message) }, true);
        if (!cancelled) showResult(false, tr('sendFailedTitle'), tr('sendFailedText'), null, function () { el.result.hidden = true; setStatus(tr('finishing')); send(false); });
      });
  }

  function showSaved(body) {
    setStatus('');
    el.progress.hidden = true;
    var noNumber = body.event === 'FINISH_ONLY_WABA' || (!body.phone_number_id && body.event !== 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING');
    showResult(true, tr('doneTitle'), noNumber ? tr('doneNoNumber') : tr('doneSaved'));
  }

  function showFailure(body) {
    el.progress.hidden = true;
    if (body.error_code === 'YCP_NO_SESSION_INFO') return showResult(false, tr('noSessionTitle'), tr('noSessionText'), null, reload);
    if (body.error_message || /^ERROR/.test(body.event)) {
      // Meta's error_message is written for the person in the flow; session_id is what Meta support asks for.
      var said = body.error_message ? tr('fbErrorText', { message: body.error_message }) : tr('fbErrorGeneric');
      return showResult(false, tr('fbErrorTitle'), said, body.session_id || body.error_code, reload);
    }
    showResult(false, tr('cancelTitle'), tr('cancelText'), null, reload);
  }

  var seen = 0;
  function pollProgress(failures) {
    fetch(cfg.progressUrl, { headers: { 'x-ycp-state': serve.state }, cache: 'no-store' })
      .then(function (res) { return res.json(); })
      .then(function (p) {
        var steps = Array.isArray(p.steps) ? p.steps : [];
        var checked = false;
        for (var i = 0; i < steps.length; i++) {
          if (i >= seen) log('progress', { message: String(steps[i].message || steps[i].phase) });
          if (['payment', 'number', 'register', 'wait', 'connected', 'done'].indexOf(steps[i].phase) >= 0) checked = true;
        }
        seen = steps.length;
        var r = p.result || {};
        if (p.status === 'done') {
          log('result', { fields: JSON.stringify(r) });
          if (r.status === 'CONNECTED') {
            setProgress(['done', 'done', 'done']);
            setStatus('');
            return showResult(true, tr('doneTitle'), tr('doneNumber', { phone: r.e164 || '' }));
          }
          return showSaved(pending.session || {});
        }
        if (p.status === 'failed') {
          log('progress', { message: String((p.error && p.error.message) || '') }, true);
          setProgress(['done', checked ? 'done' : '', '']);
          setStatus('');
          return showResult(false, tr('setupFailedTitle'), tr('setupFailedText'), pending.session && pending.session.waba_id);
        }
        if (p.status === 'cancelled') return;
        setProgress(['done', checked ? 'done' : 'active', checked ? 'active' : '']);
        setTimeout(function () { pollProgress(0); }, 1000);
      })
      .catch(function (err) {
        log('postFailed', { url: cfg.progressUrl, reason: String(err && err.message) }, true);
        if (failures < 5) return void setTimeout(function () { pollProgress(failures + 1); }, 2000);
        showResult(false, tr('setupFailedTitle'), tr('setupFailedText'), pending.session && pending.session.waba_id);
      });
  }

  // ---- launching Embedded Signup -----------------------------------------------------------------
  function loginExtras() {
    var extras = { setup: { solutionID: String(cfg.solutionId) } };
    // The version key can be switched off in the config block ("extrasVersion": "") without editing code.
    var version = typeof cfg.extrasVersion === 'string' ? cfg.extrasVersion : EXTRAS_VERSION[esVersion];
    if (version) extras.version = version;
    if (esVersion === 'v2') extras.sessionInfoVersion = '3';
    var ft = typeof cfg.featureType === 'string' && /^[a-z][a-z_]{0,63}$/.test(cfg.featureType) ? cfg.featureType : '';
    if (ft === 'app_only_install' && esVersion !== 'v2') extras.features = [{ name: 'app_only_install' }];
    else if (ft) extras.featureType = ft;
    return extras;
  }

  function launch() {
    setButton(tr('popup'), true);
    setStatus(tr('popupStatus'));
    log('login');
    window.FB.login(onLogin, {
      config_id: String(cfg.configId),
      response_type: 'code',
      override_default_response_type: true,
      extras: loginExtras(),
    });
  }

  var sdkTimer = null;
  function loadSdk() {
    var url = sandboxOrigin ? sandboxOrigin + '/_sandbox/fb/sdk.js' : FB_SDK;
    el.retry.hidden = true;
    setButton(tr('loading'), true);
    setStatus(tr('loadingStatus'));
    log('sdk', { url: url });
    var script = document.createElement('script');
    script.async = true;
    if (!sandboxOrigin) script.crossOrigin = 'anonymous'; // as in Meta's own snippet
    script.src = url;
    var failed = function () {
      if (window.FB && window.FB.login) return;
      clearTimeout(sdkTimer);
      if (script.parentNode) script.parentNode.removeChild(script);
      log('sdkFailed', { url: url }, true);
      setButton(tr('connect'), true);
      setStatus(tr('sdkFailed'), true);
      text(el.retry, tr('retry'));
      el.retry.hidden = false;
    };
    script.onerror = failed;
    clearTimeout(sdkTimer);
    sdkTimer = setTimeout(failed, sdkTimeoutMs);
    document.head.appendChild(script);
  }

  // ---- start ---------------------------------------------------------------------------------------
  if (P.debug) {
    info('config', { version: esVersion, appId: str(cfg.appId) || '-', configId: str(cfg.configId) || '-', solutionId: str(cfg.solutionId) || '-', graph: str(cfg.graphVersion) || 'v25.0', lang: P.lang });
    info('extras', { extras: JSON.stringify(loginExtras()) });
    if (target) info('target', { url: target });
    else info('noTarget', {}, true);
    info(includeCode ? 'codeOn' : 'codeOff');
    if (esVersion !== 'v4') info('deprecated', { version: esVersion, date: DEPRECATION_DATE }, true);
  }

  var missing = ['appId', 'configId', 'solutionId'].filter(function (k) { return !DIGITS.test(String(cfg[k] || '')); });
  var placeholders = !sandboxOrigin && Array.isArray(cfg.sandboxPlaceholders) && cfg.sandboxPlaceholders.length ? cfg.sandboxPlaceholders : null;
  if (missing.length || placeholders) {
    if (missing.length) info('missing', { keys: missing.join(', ') }, true);
    // Scaffolded against `ycp sandbox` without Meta IDs: the placeholders mean nothing to Facebook.
    else info('placeholders', { keys: placeholders.join(', ') }, true);
    showResult(false, tr('notReadyTitle'), tr('notReadyText'));
    return;
  }

  // fbAsyncInit must exist before the SDK loader runs.
  window.fbAsyncInit = function () {
    clearTimeout(sdkTimer);
    window.FB.init({ appId: String(cfg.appId), autoLogAppEvents: true, xfbml: true, version: String(cfg.graphVersion || 'v25.0') });
    el.retry.hidden = true;
    setButton(tr('connect'), false);
    setStatus('');
  };
  el.connect.addEventListener('click', launch);
  el.retry.addEventListener('click', loadSdk);
  loadSdk();
})();
