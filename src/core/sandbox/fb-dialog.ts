// The pretend consent dialog the fake SDK opens (GET /_sandbox/fb/dialog). Being a sandbox-origin
// document is the point: its `WA_EMBEDDED_SIGNUP` message reaches the page with `event.origin` = the
// sandbox origin, as Meta's comes from facebook.com. Continue creates the WABA and number through
// /_sandbox/signup (same origin), posts the session message to the parent/opener with '*' (as Meta
// does), then hands the code to the SDK in a message addressed to the page's origin only.
//
// It behaves like the Embedded Signup version the page launched (docs/signup.md "Versions"): v4 by
// default, sending session info for every flow and no top-level `version`; v3 and v2 add `version: 3`,
// and v2 sends session info only when asked with sessionInfoVersion '3'. Before the session message it
// posts one that is not JSON, as Facebook's frames do, so the page's parser meets one.
import { randomBytes } from 'node:crypto';
import { ES_DEPRECATION_DATE, isDeprecatedEs, isEsVersion } from '../signup/es-version.js';
import { FB_LOGIN_MESSAGE } from './fb-sdk.js';

/** The step a Cancel reports (CONTRACT §15: the screen where the person left). */
export const CANCEL_STEP = 'PHONE_NUMBER_SETUP';

const ORIGIN = /^https?:\/\/[^/\s?#]{1,300}$/;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON that cannot close its <script> element. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

export interface DialogPage {
  body: string;
  headers: Record<string, string>;
}

export function fbDialogPage(query: URLSearchParams): DialogPage {
  const q = (k: string) => (query.get(k) ?? '').slice(0, 200);
  const origin = q('origin');
  const esVersion = /^v\d[a-z0-9-]{0,30}$/.test(q('es_version')) ? q('es_version') : 'v4';
  const cfg = {
    configId: q('config_id'),
    solutionId: q('solution_id'),
    featureType: q('feature_type'),
    features: q('features'),
    esVersion,
    // v2 sends session info only when the page asked for it (sessionInfoVersion '3'); every later version always does.
    sessionInfo: esVersion !== 'v2' || q('session_info_version') === '3',
    // v4's messages carry no top-level version; the older ones a number (Meta's coexistence sample: `version: 3`).
    messageVersion: esVersion.startsWith('v4') ? null : 3,
    origin: ORIGIN.test(origin) ? origin : '',
    cancelStep: CANCEL_STEP,
    loginMessage: FB_LOGIN_MESSAGE,
  };
  const nonce = randomBytes(16).toString('base64');
  // A suffixed version (`v3-…`) is deprecated with its base version.
  const base = esVersion.split('-')[0];
  const deprecated = isEsVersion(base) && isDeprecatedEs(base);
  const facts = [
    ['Embedded Signup', `${esVersion}${deprecated ? ` (deprecated ${ES_DEPRECATION_DATE})` : ''}`],
    ['config_id', cfg.configId || '(missing)'],
    ['solutionID', cfg.solutionId || '(none)'],
    ...(cfg.featureType ? [['featureType', cfg.featureType]] : []),
    ...(cfg.features ? [['features', cfg.features]] : []),
    ...(cfg.sessionInfo ? [] : [['session info', 'not sent (v2 without sessionInfoVersion 3)']]),
  ];
  const body = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Facebook login (ycp sandbox)</title>
<style nonce="${nonce}">${CSS}</style>
</head>
<body>
<main aria-labelledby="title">
  <div class="brand">facebook <span>ycp sandbox</span></div>
  <h1 id="title">Connect WhatsApp to app ${esc(q('app_id') || '(no appId)')}</h1>
  <p>This app wants to connect a WhatsApp Business account and a phone number.</p>
  <p class="muted">A pretend consent screen from the ycp sandbox. Nothing leaves this machine.</p>
  <ul>${facts.map(([k, v]) => `<li><span>${esc(k!)}</span> <code>${esc(v!)}</code></li>`).join('')}</ul>
  <p id="status" class="status" role="status"></p>
  <div class="row">
    <button id="ycp-sandbox-fb-cancel" type="button" class="secondary">Cancel</button>
    <button id="ycp-sandbox-fb-continue" type="button">Continue</button>
  </div>
</main>
<script type="application/json" id="cfg">${scriptJson(cfg)}</script>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
  return {
    body,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'`,
    },
  };
}

const CSS = `
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c1e21;background:#fff}
main{padding:22px 26px}
.brand{font-weight:700;font-size:20px;color:#1877f2;letter-spacing:-.3px;margin-bottom:14px}
.brand span{font-weight:500;font-size:12px;color:#606770;background:#f0f2f5;border-radius:10px;padding:2px 8px;margin-left:6px;vertical-align:middle;letter-spacing:0}
h1{font-size:17px;margin:0 0 8px}
p{margin:0 0 8px}
.muted{color:#606770;font-size:13px}
ul{margin:6px 0 12px;padding:10px 14px;list-style:none;background:#f7f8fa;border-radius:8px;font-size:13px}
li{display:flex;gap:8px;padding:2px 0}
li span{color:#606770;min-width:90px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all}
.status{min-height:1.4em;color:#606770;font-size:13px}
.status.error{color:#c0392b}
.row{display:flex;gap:10px;justify-content:flex-end;margin-top:6px}
button{font:inherit;font-weight:600;padding:9px 18px;border-radius:6px;border:0;background:#1877f2;color:#fff;cursor:pointer}
button.secondary{background:#e4e6eb;color:#1c1e21}
button:disabled{opacity:.6;cursor:default}
`;

// Runs inside the dialog. Never logs the code; posts it only to the page's origin.
const SCRIPT = `(function () {
  'use strict';
  var cfg = JSON.parse(document.getElementById('cfg').textContent);
  var target = window.parent !== window ? window.parent : window.opener;
  var go = document.getElementById('ycp-sandbox-fb-continue');
  var cancel = document.getElementById('ycp-sandbox-fb-cancel');
  var status = document.getElementById('status');
  function say(text, isError) { status.textContent = text; status.className = isError ? 'status error' : 'status'; }
  function session(msg) {
    if (!cfg.sessionInfo) return;
    if (cfg.messageVersion !== null) msg.version = cfg.messageVersion;
    target.postMessage('ycp-sandbox: a message that is not JSON', '*');
    target.postMessage(JSON.stringify(msg), '*');
  }
  function login(code) { target.postMessage({ type: cfg.loginMessage, code: code || null }, cfg.origin); }
  if (!target || !cfg.origin) {
    go.disabled = true;
    cancel.disabled = true;
    say(!target ? 'Open this dialog through FB.login on your signup page.' : 'The page origin is missing or not http(s).', true);
    return;
  }
  cancel.addEventListener('click', function () {
    go.disabled = cancel.disabled = true;
    session({ type: 'WA_EMBEDDED_SIGNUP', event: 'CANCEL', data: { current_step: cfg.cancelStep } });
    login(null);
  });
  go.addEventListener('click', function () {
    go.disabled = cancel.disabled = true;
    go.textContent = 'Connecting…';
    var body = {};
    if (cfg.featureType) body.featureType = cfg.featureType;
    fetch('/_sandbox/signup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json(); })
      .then(function (r) {
        if (!r || !r.waba_id) throw new Error((r && r.error && r.error.message) || 'the sandbox signup failed');
        var event = cfg.featureType === 'only_waba_sharing' ? 'FINISH_ONLY_WABA'
          : cfg.featureType === 'whatsapp_business_app_onboarding' ? 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING'
          : cfg.features.split(',').indexOf('app_only_install') >= 0 ? 'FINISH_GRANT_ONLY_API_ACCESS' : 'FINISH';
        var data = event === 'FINISH'
          ? { phone_number_id: r.phone_number_id, waba_id: r.waba_id, business_id: r.business_id }
          : { waba_id: r.waba_id, business_id: r.business_id };
        say('Connected. Returning to the app…');
        session({ type: 'WA_EMBEDDED_SIGNUP', event: event, data: data });
        login(r.code);
      })
      .catch(function (e) {
        say(String(e && e.message), true);
        session({ type: 'WA_EMBEDDED_SIGNUP', event: 'CANCEL', data: { error_message: String(e && e.message), error_code: '0', session_id: 'sbx', timestamp: String(Math.floor(Date.now() / 1000)) } });
        login(null);
      });
  });
})();`;
