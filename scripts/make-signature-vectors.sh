#!/usr/bin/env bash
# Writes the project's known-answer vectors for the YCloud-Signature header (CONTRACT §12) to
# test/fixtures/webhook-signature-vectors.tsv (or to $1). Every signature is computed by openssl, not by
# ycp's own code, so test/core/webhook/signature.test.ts checks src/core/webhook/signature.ts against an
# independent implementation. The secrets, bodies and times are ours; the columns are those of the
# official vector file, so one loader reads both.
#
# Signed string: "<t>.<raw body bytes>", HMAC-SHA256 keyed with the whole secret (whsec_ prefix included)
# as UTF-8, lowercase hex. Re-run after changing a case: bash scripts/make-signature-vectors.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-test/fixtures/webhook-signature-vectors.tsv}"
export LC_ALL=C

PRIMARY='whsec_ycp_vectors_primary_5b1e0c9d7a'
ROTATED='whsec_ycp_vectors_rotated_a47f3e2168'
RETIRED='whsec_ycp_vectors_retired_0c3d9e4b11'
T=1767225600 # 2026-01-01T00:00:00Z
TOLERANCE=300

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The bodies, byte for byte (printf '%s' adds no newline; the spaced one ends with one, as pretty JSON does).
printf '%s' '{"id":"evt_ycp_vec_0001","type":"whatsapp.message.updated","apiVersion":"v2","createTime":"2026-01-01T00:00:00.000Z"}' >"$work/compact"
printf '%s' '{"id":"evt_ycp_vec_0001","type":"whatsapp.message.updated","apiVersion":"v2","createTime":"2026-01-01T00:00:01.000Z"}' >"$work/tampered"
printf '{\n  "id": "evt_ycp_vec_0002",\n  "type": "whatsapp.inbound_message.received",\n  "apiVersion": "v2",\n  "whatsappInboundMessage": {\n    "text": { "body": "Olá, São Paulo ☕ — 日本語 👋" }\n  }\n}\n' >"$work/spaced"
# What a receiver gets if it parses the spaced body and serialises it again (JSON.stringify).
printf '%s' '{"id":"evt_ycp_vec_0002","type":"whatsapp.inbound_message.received","apiVersion":"v2","whatsappInboundMessage":{"text":{"body":"Olá, São Paulo ☕ — 日本語 👋"}}}' >"$work/reserialised"

# sig SECRET T FILE [SUFFIX]: lowercase hex HMAC-SHA256 of "T." + FILE's bytes + SUFFIX, keyed with SECRET.
sig() {
  { printf '%s.' "$2"; cat "$3"; printf '%s' "${4-}"; } | openssl dgst -sha256 -hmac "$1" -r | cut -d' ' -f1
}
b64() { openssl base64 -A -in "$1"; }
b64s() { printf '%s' "$1" | openssl base64 -A; }
secrets() { local s out=(); for s in "$@"; do out+=("$(b64s "$s")"); done; (IFS=,; printf '%s' "${out[*]}"); }

compact_sig="$(sig "$PRIMARY" "$T" "$work/compact")"
spaced_sig="$(sig "$PRIMARY" "$T" "$work/spaced")"
rotated_sig="$(sig "$ROTATED" "$T" "$work/compact")"
trailing_sig="$(sig "$PRIMARY" "$T" "$work/compact" .)"
upper_sig="$(printf '%s' "$compact_sig" | tr 'a-f' 'A-F')"
empty="$work/empty"; : >"$empty"

# row ID VALID NOW HEADER BODY_FILE SECRETS SIGNING_SECRET SIGNED_FILE SUFFIX FAILURE
row() {
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$TOLERANCE" "$4" "$(b64 "$5")" "$6" "$(b64s "$7")" "$(b64 "$8")" "$(b64s "${9}")" "${10}"
}

{
  printf 'id\texpected_valid\tnow_unix_seconds\ttolerance_seconds\theader\traw_body_base64\tverification_secrets_base64\tsigning_secret_base64\tsigned_raw_body_base64\tsigned_suffix_base64\tfailure_kind\n'
  row valid-compact-json true $((T + 42)) "t=$T,s=$compact_sig" "$work/compact" "$(secrets "$PRIMARY")" "$PRIMARY" "$work/compact" '' none
  row valid-spaced-utf8-json true "$T" "t=$T,s=$spaced_sig" "$work/spaced" "$(secrets "$PRIMARY")" "$PRIMARY" "$work/spaced" '' none
  row valid-second-candidate-secret true $((T - 7)) "t=$T,s=$rotated_sig" "$work/compact" "$(secrets "$RETIRED" "$ROTATED")" "$ROTATED" "$work/compact" '' none
  row valid-at-tolerance-edge true $((T + TOLERANCE)) "t=$T,s=$compact_sig" "$work/compact" "$(secrets "$PRIMARY")" "$PRIMARY" "$work/compact" '' none
  row invalid-wrong-secret false "$T" "t=$T,s=$compact_sig" "$work/compact" "$(secrets "$RETIRED" "$ROTATED")" "$PRIMARY" "$work/compact" '' wrong-secret
  row invalid-stale-timestamp false $((T + TOLERANCE + 1)) "t=$T,s=$compact_sig" "$work/compact" "$(secrets "$PRIMARY")" "$PRIMARY" "$work/compact" '' stale-timestamp
  row invalid-future-timestamp false $((T - TOLERANCE - 1)) "t=$T,s=$compact_sig" "$work/compact" "$(secrets "$PRIMARY")" "$PRIMARY" "$work/compact" '' future-timestamp
  row invalid-tampered-body false "$T" "t=$T,s=$compact_sig" "$work/tampered" "$(secrets "$PRIMARY")" "$PRIMARY" "$work/compact" '' tampered-body
  row invalid-json-reserialised false "$T" "t=$T,s=$spaced_sig" "$work/reserialised" "$(secrets "$PRIMARY")" "$PRIMARY" "$work/spaced" '' json-reserialized
  row invalid-trailing-delimiter false "$T" "t=$T,s=$trailing_sig" "$work/compact" "$(secrets "$PRIMARY")" "$PRIMARY" "$work/compact" . trailing-delimiter
  row invalid-uppercase-signature false "$T" "t=$T,s=$upper_sig" "$work/compact" "$(secrets "$PRIMARY")" "$PRIMARY" "$work/compact" '' malformed-header
  row invalid-header-without-signature false "$T" "t=$T" "$work/compact" "$(secrets "$PRIMARY")" "$PRIMARY" "$empty" '' malformed-header
  row invalid-header-non-numeric-timestamp false "$T" "t=soon,s=$compact_sig" "$work/compact" "$(secrets "$PRIMARY")" "$PRIMARY" "$empty" '' malformed-header
} >"$out"
echo "wrote $(($(wc -l <"$out") - 1)) vectors to $out"
