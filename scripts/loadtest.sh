#!/usr/bin/env bash
# Load run for docs/benchmarks.md: `im1fhir serve` (embedded sandbox) against
# a bare Echo handler returning the same Patient JSON, same machine, same run,
# same load tool (hey, a Go load generator: apt-get install hey).
#   scripts/loadtest.sh [duration=10s] [concurrency=50]
# Loopback only; bounded in time; both servers are stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
dur=${1:-10s}; conc=${2:-50}
command -v hey >/dev/null || { echo "hey not installed (apt-get install hey)"; exit 1; }
tmp=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$tmp"' EXIT
go build -o "$tmp/im1fhir" ./cmd/im1fhir
go build -o "$tmp/baseline" ./tools/loadbaseline

"$tmp/im1fhir" serve --addr 127.0.0.1:38080 --log-level error 2>"$tmp/serve.log" &
for _ in $(seq 1 100); do curl -sf http://127.0.0.1:38080/readyz >/dev/null && break; sleep 0.1; done

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
jwt() {
  printf '%s.%s.' "$(printf '{"alg":"none","typ":"JWT"}' | b64url)" "$(printf '%s' '{"iss":"https://consumer.example","sub":"1","aud":"https://provider.example","exp":'$((now + 300))',"iat":'$now',"reason_for_request":"directcare","requested_scope":"'"$1"'","requesting_device":{"resourceType":"Device","identifier":[{"system":"https://consumer.example/device","value":"dev1"}],"model":"load","version":"1"},"requesting_organization":{"resourceType":"Organization","name":"Load","identifier":[{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"GPCA0001"}]},"requesting_practitioner":{"resourceType":"Practitioner","id":"1","name":[{"family":"Load"}],"identifier":[{"system":"https://fhir.nhs.uk/Id/sds-user-id","value":"UNK"}]}}' | b64url)"
}
base=http://127.0.0.1:38080/GPC001/STU3/1/gpconnect/fhir
hdrs() { # sets H to the GP Connect headers: $1 interaction suffix, $2 scope
  H=(-H "Ssp-TraceID: 09a01679-2564-0fb4-5129-aecc81ea2706" -H "Ssp-From: 200000000359" -H "Ssp-To: 918999198738"
     -H "Ssp-InteractionID: urn:nhs:names:services:gpconnect:$1" -H "Authorization: Bearer $(jwt "$2")" -H "Accept: application/fhir+json")
}
search="$base/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9476719915"
hdrs fhir:rest:search:patient-1 'patient/*.read'
pid=$(curl -sf "${H[@]}" "$search" | python3 -c 'import json,sys; print(json.load(sys.stdin)["entry"][0]["resource"]["id"])')
read_url="$base/Patient/$pid"
hdrs fhir:rest:read:patient-1 'patient/*.read'
curl -sf "${H[@]}" "$read_url" > "$tmp/patient.json"
# hey asks for gzip unless HEY_ARGS has -disable-compression; the baseline
# then compresses too, so the ratio is the pipeline's cost alone.
gz=true; [[ "${HEY_ARGS:-}" == *-disable-compression* ]] && gz=false
"$tmp/baseline" --addr 127.0.0.1:38081 --body "$tmp/patient.json" --gzip=$gz &
for _ in $(seq 1 100); do curl -sf http://127.0.0.1:38081/x >/dev/null && break; sleep 0.1; done

run() { # name, url, extra hey args...
  local name=$1 url=$2; shift 2
  local hargs=() a
  for a in "$@"; do [ "$a" = -H ] || hargs+=(-H "$a"); done
  local code; code=$(curl -s -o /dev/null -w '%{http_code}' "${hargs[@]}" "$url")
  [ "$code" = 200 ] || { echo "$name: $url answers $code before the run; aborting"; exit 1; }
  local out; out=$(hey -z "$dur" -c "$conc" ${HEY_ARGS:-} "$@" "$url")
  local rps p50 p99 non200
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  p50=$(awk '/50% in/{print $3}' <<<"$out"); p99=$(awk '/99% in/{print $3}' <<<"$out")
  non200=$(awk '/Status code distribution/{f=1;next} f&&/\[/{ if ($1!="[200]") n+=$2 } END{print n+0}' <<<"$out")
  printf '%-28s %10s req/s  p50 %ss  p99 %ss  non-200: %s\n' "$name" "$rps" "$p50" "$p99" "$non200"
  echo "$rps" > "$tmp/$name.rps"
}
echo "hey -z $dur -c $conc ${HEY_ARGS:-}, gzip=$gz, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
run baseline http://127.0.0.1:38081/Patient/1
hdrs fhir:rest:read:patient-1 'patient/*.read'; run patient-read "$read_url" "${H[@]}"
hdrs fhir:rest:search:patient-1 'patient/*.read'; run patient-search "$search" "${H[@]}"
hdrs fhir:rest:read:metadata-1 'organization/*.read'; run metadata "$base/metadata" "${H[@]}"
run baseline-again http://127.0.0.1:38081/Patient/1
b=$(cat "$tmp/baseline.rps")
for n in patient-read patient-search metadata baseline-again; do
  awk -v a="$(cat "$tmp/$n.rps")" -v b="$b" -v n="$n" 'BEGIN{printf "%-28s %5.1f %% of baseline\n", n, 100*a/b}'
done
