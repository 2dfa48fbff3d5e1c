// A stand-in for https://connect.facebook.net/en_US/sdk.js, served at /_sandbox/fb/sdk.js so a person
// (or a browser test) can click through an Embedded Signup page offline. It shows a visible pretend
// consent dialog; Continue asks the sandbox to create the WABA and number, then posts the real
// `WA_EMBEDDED_SIGNUP` message (a JSON string, CONTRACT §15) and calls the FB.login callback with a code.
// Messages come from the page's own origin, not facebook.com: the page must accept the sandbox
// origin in sandbox mode only.

export function fbSdkSource(sandboxOrigin: string): string {
  return `/* ycp sandbox: fake Facebook JS SDK (FB.init, FB.login). Not Meta's code. */
(function () {
  'use strict';
  var SANDBOX = ${JSON.stringify(sandboxOrigin)};
  if (window.FB && window.FB.__ycpSandbox) return;
  var state = { appId: null, version: null, inited: false };
  function post(msg) { window.postMessage(JSON.stringify(msg), '*'); }
  function el(tag, css, text) {
    var e = document.createElement(tag);
    if (css) e.style.cssText = css;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function dialog(opts, onContinue, onCancel) {
    var old = document.getElementById('ycp-sandbox-fb-dialog');
    if (old) old.remove();
    var extras = opts.extras || {};
    var setup = extras.setup || {};
    var overlay = el('div', 'position:fixed;inset:0;background:rgba(0,0,0,.45);z-index:2147483647;display:flex;align-items:center;justify-content:center;font:15px system-ui,sans-serif');
    overlay.id = 'ycp-sandbox-fb-dialog';
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-label', 'Sandbox Facebook login');
    var box = el('div', 'background:#fff;color:#1c1e21;border-radius:8px;padding:20px 24px;max-width:420px;box-shadow:0 8px 30px rgba(0,0,0,.3)');
    box.appendChild(el('div', 'font-weight:700;font-size:18px;color:#1877f2;margin-bottom:8px', 'facebook (ycp sandbox)'));
    box.appendChild(el('p', 'margin:0 0 8px', 'App ' + (state.appId || '(no appId)') + ' wants to connect a WhatsApp Business account.'));
    box.appendChild(el('p', 'margin:0 0 8px;color:#606770;font-size:13px', 'This is a pretend consent screen from the ycp sandbox. Nothing leaves this machine.'));
    var facts = el('ul', 'margin:0 0 14px;padding-left:18px;color:#606770;font-size:13px');
    facts.appendChild(el('li', '', 'config_id: ' + (opts.config_id || '(missing)')));
    facts.appendChild(el('li', '', 'solutionID: ' + (setup.solutionID || '(none)')));
    if (extras.featureType) facts.appendChild(el('li', '', 'featureType: ' + extras.featureType));
    box.appendChild(facts);
    var row = el('div', 'display:flex;gap:8px;justify-content:flex-end');
    var cancel = el('button', 'padding:8px 14px;border:1px solid #ccd0d5;background:#f5f6f7;border-radius:6px;cursor:pointer', 'Cancel');
    cancel.id = 'ycp-sandbox-fb-cancel';
    cancel.type = 'button';
    var go = el('button', 'padding:8px 14px;border:0;background:#1877f2;color:#fff;border-radius:6px;cursor:pointer;font-weight:600', 'Continue');
    go.id = 'ycp-sandbox-fb-continue';
    go.type = 'button';
    row.appendChild(cancel);
    row.appendChild(go);
    box.appendChild(row);
    overlay.appendChild(box);
    document.body.appendChild(overlay);
    cancel.addEventListener('click', function () { overlay.remove(); onCancel(); });
    go.addEventListener('click', function () { go.disabled = true; go.textContent = 'Connecting…'; onContinue(function () { overlay.remove(); }); });
  }
  var FB = {
    __ycpSandbox: true,
    init: function (o) {
      o = o || {};
      if (!o.appId) console.warn('[ycp sandbox FB] FB.init: appId is missing');
      if (!o.version) console.warn('[ycp sandbox FB] FB.init: version is required (e.g. v25.0)');
      state.appId = o.appId || null;
      state.version = o.version || null;
      state.inited = true;
    },
    login: function (cb, opts) {
      cb = typeof cb === 'function' ? cb : function () {};
      opts = opts || {};
      if (!state.inited) console.warn('[ycp sandbox FB] FB.login called before FB.init');
      var extras = opts.extras || {};
      var setup = extras.setup || {};
      dialog(opts, function (done) {
        fetch(SANDBOX + '/_sandbox/signup', {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ featureType: extras.featureType, solutionId: setup.solutionID, configId: opts.config_id })
        }).then(function (r) { return r.json(); }).then(function (r) {
          if (!r || !r.waba_id) throw new Error((r && r.error && r.error.message) || 'the sandbox signup failed');
          var event = extras.featureType === 'only_waba_sharing' ? 'FINISH_ONLY_WABA'
            : extras.featureType === 'whatsapp_business_app_onboarding' ? 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING' : 'FINISH';
          var data = event === 'FINISH'
            ? { phone_number_id: r.phone_number_id, waba_id: r.waba_id, business_id: r.business_id }
            : { waba_id: r.waba_id, business_id: r.business_id };
          done();
          post({ type: 'WA_EMBEDDED_SIGNUP', event: event, data: data, version: '3' });
          cb({ authResponse: { code: r.code, userID: null, expiresIn: null }, status: 'connected' });
        }).catch(function (e) {
          done();
          post({ type: 'WA_EMBEDDED_SIGNUP', event: 'CANCEL', data: { error_message: String(e && e.message), error_id: '0', session_id: 'sbx', timestamp: String(Math.floor(Date.now() / 1000)) }, version: '3' });
          cb({ authResponse: null, status: 'unknown' });
        });
      }, function () {
        post({ type: 'WA_EMBEDDED_SIGNUP', event: 'CANCEL', data: { current_step: 'PHONE_NUMBER_SETUP' }, version: '3' });
        cb({ authResponse: null, status: 'unknown' });
      });
    },
    getLoginStatus: function (cb) { if (typeof cb === 'function') cb({ status: 'unknown', authResponse: null }); },
    AppEvents: { logPageView: function () {} },
    XFBML: { parse: function () {} }
  };
  window.FB = FB;
  if (typeof window.fbAsyncInit === 'function') setTimeout(window.fbAsyncInit, 0);
})();
`;
}
