// WhatsApp Embedded Signup page written by `ycp signup scaffold` (CONTRACT §15). Dependency-free.
// Every value comes from the JSON block #ycp-config; nothing is pasted into this file.
(function () {
  'use strict';

  // CONTRACT §15: exact origins, never endsWith('facebook.com'), which would accept evilfacebook.com.
  var FB_ORIGINS = ['https://www.facebook.com', 'https://web.facebook.com', 'https://staticxx.facebook.com'];
  var FB_SDK = 'https://connect.facebook.net/en_US/sdk.js';
  // The local sandbox (`ycp sandbox`) is plain http on loopback; nothing else may stand in for Facebook.
  var LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/;
  var DIGITS = /^\d{1,32}$/;

  var cfg = readConfig();
  var sandboxOrigin = cfg.sandbox === true && typeof cfg.sandboxOrigin === 'string' && LOOPBACK.test(cfg.sandboxOrigin) ? cfg.sandboxOrigin : null;
  var allowedOrigins = sandboxOrigin ? FB_ORIGINS.concat([sandboxOrigin]) : FB_ORIGINS;
  var pairTimeoutMs = typeof cfg.pairTimeoutMs === 'number' && cfg.pairTimeoutMs > 0 ? cfg.pairTimeoutMs : 60000;

  var el = {
    button: document.getElementById('connect'),
    status: document.getElementById('status'),
    steps: document.getElementById('steps'),
    result: document.getElementById('result'),
    title: document.getElementById('result-title'),
    fields: document.getElementById('result-fields'),
    hint: document.getElementById('result-hint'),
  };

  // The code (from FB.login) and the session event (from postMessage) arrive in either order.
  var pending = { code: null, session: null, timer: null, sent: false };

  function readConfig() {
    try {
      var node = document.getElementById('ycp-config');
      var v = JSON.parse((node && node.textContent) || '{}');
      return v && typeof v === 'object' ? v : {};
    } catch (e) {
      return {};
    }
  }

  function setStatus(text, isError) {
    el.status.textContent = text;
    el.status.className = isError ? 'status error' : 'status';
  }

  function addStep(text, state) {
    var li = document.createElement('li');
    li.textContent = text;
    li.className = state || 'done';
    el.steps.appendChild(li);
    return li;
  }

  function showResult(ok, title, fields, hint) {
    el.button.hidden = true; // a final state: the result box replaces the button
    el.result.hidden = false;
    el.result.className = ok ? 'result ok' : 'result bad';
    el.title.textContent = title;
    while (el.fields.firstChild) el.fields.removeChild(el.fields.firstChild);
    for (var i = 0; i < fields.length; i++) {
      if (fields[i][1] === undefined || fields[i][1] === null || fields[i][1] === '') continue;
      var dt = document.createElement('dt');
      dt.textContent = fields[i][0];
      var dd = document.createElement('dd');
      dd.textContent = String(fields[i][1]);
      el.fields.appendChild(dt);
      el.fields.appendChild(dd);
    }
    el.hint.textContent = hint || '';
  }

  function missingConfig() {
    var missing = [];
    if (!DIGITS.test(String(cfg.appId || ''))) missing.push('appId');
    if (!DIGITS.test(String(cfg.configId || ''))) missing.push('configId');
    if (!DIGITS.test(String(cfg.solutionId || ''))) missing.push('solutionId');
    return missing;
  }

  // Registered BEFORE the SDK loads and before FB.login runs (CONTRACT §15).
  window.addEventListener('message', function (event) {
    if (allowedOrigins.indexOf(event.origin) < 0) return;
    var data = parseMessage(event.data);
    if (!data || data.type !== 'WA_EMBEDDED_SIGNUP') return;
    onSessionEvent(data);
  });

  function parseMessage(raw) {
    if (raw && typeof raw === 'object') return raw;
    if (typeof raw !== 'string') return null;
    try {
      var v = JSON.parse(raw);
      return v && typeof v === 'object' ? v : null;
    } catch (e) {
      return null; // Facebook frames post plenty of other messages: ignore them
    }
  }

  function str(v) {
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  }

  function onSessionEvent(data) {
    var name = String(data.event || '');
    var d = data.data && typeof data.data === 'object' ? data.data : {};
    if (name === 'CANCEL' || name === 'ERROR') {
      send({
        event: name,
        current_step: str(d.current_step),
        error_message: str(d.error_message),
        error_id: str(d.error_id),
        session_id: str(d.session_id),
      });
      return;
    }
    // FINISH, FINISH_ONLY_WABA, FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING, and unknown FINISH_* with a WABA.
    if (name.indexOf('FINISH') === 0 && str(d.waba_id)) {
      pending.session = {
        event: name,
        waba_id: str(d.waba_id),
        phone_number_id: str(d.phone_number_id),
        business_id: str(d.business_id),
      };
      addStep('WhatsApp account shared (' + name + ')');
      tryPair();
    }
  }

  function onLogin(response) {
    var code = response && response.authResponse && response.authResponse.code;
    if (typeof code === 'string' && code) {
      pending.code = code;
      addStep('Facebook login finished');
    }
    tryPair();
  }

  function tryPair() {
    if (pending.sent) return;
    if (pending.code && pending.session) {
      var s = pending.session;
      send({ event: s.event, code: pending.code, waba_id: s.waba_id, phone_number_id: s.phone_number_id, business_id: s.business_id });
      return;
    }
    if (!pending.timer) {
      setStatus('Finishing the signup…');
      pending.timer = setTimeout(onPairTimeout, pairTimeoutMs);
    }
  }

  function onPairTimeout() {
    if (pending.sent) return;
    var s = pending.session;
    if (s) {
      // The backend flow needs only the IDs; send them without the code rather than lose the signup.
      send({ event: s.event, waba_id: s.waba_id, phone_number_id: s.phone_number_id, business_id: s.business_id });
    } else if (pending.code) {
      // The usual cause: this domain is not in the app's Allowed Domains, so Meta posts no session info.
      send({ event: 'ERROR', error_message: 'Facebook returned a code but no session info (WA_EMBEDDED_SIGNUP message). Is ' + location.hostname + ' listed in Allowed Domains?' });
    } else {
      send({ event: 'CANCEL', current_step: 'POPUP_CLOSED' });
    }
  }

  function send(payload) {
    if (pending.sent) return;
    pending.sent = true;
    if (pending.timer) clearTimeout(pending.timer);
    var cancelled = payload.event === 'CANCEL' || payload.event === 'ERROR';
    if (cancelled) {
      var where = payload.current_step ? ' at step ' + payload.current_step : '';
      addStep((payload.event === 'CANCEL' ? 'Signup cancelled' : 'Signup failed') + where, 'failed');
      showResult(false, payload.event === 'CANCEL' ? 'Signup cancelled' + where : 'Signup failed' + where,
        [['step', payload.current_step], ['error', payload.error_message], ['error id', payload.error_id], ['session', payload.session_id]],
        'Reload this page to try again.');
    }
    if (!cfg.callbackUrl || !cfg.state) {
      // Hosted without `ycp signup serve`: show the IDs so they can be handed to the backend (never the code).
      if (!cancelled) {
        showResult(true, 'Signup finished', [['event', payload.event], ['WABA ID', payload.waba_id], ['phone number ID', payload.phone_number_id], ['business ID', payload.business_id]],
          'Run the backend steps: ycp waba get ' + payload.waba_id + (payload.phone_number_id ? ' · ycp phone register ' + payload.waba_id + ' ' + payload.phone_number_id : ''));
      }
      setStatus(cancelled ? '' : 'Done.');
      return;
    }
    var body = { state: cfg.state };
    for (var k in payload) if (payload[k] !== undefined) body[k] = payload[k];
    pending.code = null;
    setStatus(cancelled ? 'Telling ycp…' : 'Sending the result to ycp…');
    fetch(cfg.callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) {
        if (!res.ok) {
          return res.json().catch(function () { return {}; }).then(function (j) {
            throw new Error((j && j.error) || 'HTTP ' + res.status);
          });
        }
        if (!cancelled) addStep('Result received by ycp');
        pollProgress();
      })
      .catch(function (err) {
        setStatus('Could not reach ycp: ' + err.message, true);
      });
  }

  var shown = 0;
  var activeStep = null;
  function pollProgress() {
    if (!cfg.progressUrl) return;
    fetch(cfg.progressUrl, { headers: { 'x-ycp-state': cfg.state }, cache: 'no-store' })
      .then(function (res) { return res.json(); })
      .then(function (p) {
        var steps = Array.isArray(p.steps) ? p.steps : [];
        for (; shown < steps.length; shown++) {
          if (activeStep) activeStep.className = 'done';
          activeStep = addStep(String(steps[shown].message || steps[shown].phase), 'active');
        }
        if (p.status === 'done') {
          if (activeStep) activeStep.className = 'done';
          var r = p.result || {};
          setStatus('');
          showResult(true, r.status === 'CONNECTED' ? 'Your number is CONNECTED' : 'Signup captured',
            [['status', r.status], ['phone number', r.e164], ['phone number ID', r.phoneNumberId], ['WABA ID', r.wabaId]],
            r.status === 'CONNECTED' ? 'You can close this page.' : r.hint);
          return;
        }
        if (p.status === 'failed') {
          if (activeStep) activeStep.className = 'failed';
          var e = p.error || {};
          setStatus('');
          showResult(false, 'Something needs attention', [['problem', e.message], ['code', e.code]], e.hint);
          return;
        }
        if (p.status === 'cancelled') return;
        setTimeout(pollProgress, 1000);
      })
      .catch(function () {
        setStatus('Lost contact with ycp; check the terminal where `ycp signup serve` runs.', true);
      });
  }

  function launch() {
    el.button.disabled = true;
    el.button.textContent = 'Waiting for Facebook…';
    setStatus('Complete the steps in the Facebook window.');
    var extras = { setup: { solutionID: String(cfg.solutionId) }, sessionInfoVersion: '3' };
    if (cfg.featureType) extras.featureType = String(cfg.featureType);
    window.FB.login(onLogin, {
      config_id: String(cfg.configId),
      response_type: 'code',
      override_default_response_type: true,
      extras: extras,
    });
  }

  var missing = missingConfig();
  if (missing.length) {
    setStatus('This page is missing ' + missing.join(', ') + ': run `ycp signup scaffold` again.', true);
    el.button.textContent = 'Not configured';
    return;
  }
  // Scaffolded against `ycp sandbox` without Meta IDs: the placeholders mean nothing to Facebook.
  if (!sandboxOrigin && Array.isArray(cfg.sandboxPlaceholders) && cfg.sandboxPlaceholders.length) {
    setStatus('This page was written for the ycp sandbox (placeholder ' + cfg.sandboxPlaceholders.join(', ') + '): run `ycp signup scaffold --force` with your Meta app IDs.', true);
    el.button.textContent = 'Not configured';
    return;
  }

  // fbAsyncInit must exist before the SDK loader runs (CONTRACT §15).
  window.fbAsyncInit = function () {
    window.FB.init({ appId: String(cfg.appId), autoLogAppEvents: true, xfbml: true, version: String(cfg.graphVersion || 'v25.0') });
    el.button.disabled = false;
    el.button.textContent = 'Connect WhatsApp';
    setStatus(sandboxOrigin ? 'Sandbox mode: the Facebook steps are simulated.' : 'Ready.');
  };
  el.button.addEventListener('click', launch);

  var script = document.createElement('script');
  script.async = true;
  script.defer = true;
  if (sandboxOrigin) {
    script.src = sandboxOrigin + '/_sandbox/fb/sdk.js';
  } else {
    script.crossOrigin = 'anonymous'; // as in Meta's own snippet
    script.src = FB_SDK;
  }
  script.onerror = function () {
    setStatus('Could not load the Facebook SDK. Check your network or ad blocker.', true);
  };
  document.head.appendChild(script);
})();
