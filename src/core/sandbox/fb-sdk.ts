// A stand-in for https://connect.facebook.net/en_US/sdk.js, served at /_sandbox/fb/sdk.js so a person
// (or a browser test) can click through an Embedded Signup page offline.
//
// It works the way Meta's does: FB.login opens the consent dialog as a document served by the
// sandbox (`/_sandbox/fb/dialog`, in an iframe overlay, so it also works headless), and THAT document
// posts the `WA_EMBEDDED_SIGNUP` message (a JSON string, as in Meta's sample listener) to the page. `event.origin` is
// therefore the sandbox origin, never the page's own, so the page's strict origin allow-list holds.
// The dialog relays the code to the SDK in a second message, addressed to the page's origin only and
// accepted only from the sandbox origin and the dialog's own window; the SDK never logs it.

export const FB_LOGIN_MESSAGE = 'ycp-sandbox-fb-login';

export function fbSdkSource(sandboxOrigin: string): string {
  return `/* ycp sandbox: fake Facebook JS SDK (FB.init, FB.login). Not Meta's code. */
(function () {
  'use strict';
  var SANDBOX = ${JSON.stringify(sandboxOrigin)};
  var LOGIN_MESSAGE = ${JSON.stringify(FB_LOGIN_MESSAGE)};
  if (window.FB && window.FB.__ycpSandbox) return;
  var state = { appId: null, version: null, inited: false };
  var open = null; // { overlay, frame, cb } while the dialog is showing

  // The dialog's answer for FB.login's callback: only from the sandbox origin and the dialog's window.
  window.addEventListener('message', function (event) {
    if (!open || event.origin !== SANDBOX || event.source !== open.frame.contentWindow) return;
    var d = event.data;
    if (typeof d === 'string') { try { d = JSON.parse(d); } catch (e) { return; } }
    if (!d || typeof d !== 'object' || d.type !== LOGIN_MESSAGE) return;
    var cb = open.cb;
    close();
    cb(typeof d.code === 'string' && d.code
      ? { authResponse: { code: d.code, userID: null, expiresIn: null }, status: 'connected' }
      : { authResponse: null, status: 'unknown' });
  });

  function close() {
    if (open && open.overlay.parentNode) open.overlay.parentNode.removeChild(open.overlay);
    open = null;
  }

  // The Embedded Signup version, the way Meta tells them apart (docs/signup.md "Versions"): extras.version
  // when present (v3, v4, the previews); else sessionInfoVersion means v2; else v4, which the login
  // configuration decides.
  function esVersion(extras) {
    if (typeof extras.version === 'string' && extras.version) return extras.version;
    if (extras.sessionInfoVersion !== undefined) return 'v2';
    return 'v4';
  }

  function dialogUrl(opts) {
    var extras = opts.extras || {};
    var setup = extras.setup || {};
    var features = Array.isArray(extras.features) ? extras.features.map(function (f) { return f && f.name; }).filter(Boolean).join(',') : '';
    var q = [
      ['app_id', state.appId], ['version', state.version], ['config_id', opts.config_id],
      ['solution_id', setup.solutionID], ['feature_type', extras.featureType], ['features', features],
      ['es_version', esVersion(extras)], ['session_info_version', extras.sessionInfoVersion], ['origin', window.location.origin]
    ].filter(function (p) { return p[1] !== undefined && p[1] !== null && p[1] !== ''; })
      .map(function (p) { return encodeURIComponent(p[0]) + '=' + encodeURIComponent(String(p[1])); });
    return SANDBOX + '/_sandbox/fb/dialog?' + q.join('&');
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
      if (open) { var prev = open.cb; close(); prev({ authResponse: null, status: 'unknown' }); }
      var overlay = document.createElement('div');
      overlay.id = 'ycp-sandbox-fb-dialog';
      overlay.style.cssText = 'position:fixed;inset:0;background:rgba(0,0,0,.45);z-index:2147483647;display:flex;align-items:center;justify-content:center';
      var frame = document.createElement('iframe');
      frame.id = 'ycp-sandbox-fb-frame';
      frame.title = 'Facebook login (ycp sandbox)';
      frame.style.cssText = 'width:min(460px,94vw);height:min(410px,90vh);border:0;border-radius:10px;background:#fff;box-shadow:0 8px 30px rgba(0,0,0,.3)';
      frame.src = dialogUrl(opts);
      overlay.appendChild(frame);
      document.body.appendChild(overlay);
      open = { overlay: overlay, frame: frame, cb: cb };
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
