#!/usr/bin/env bash
# Load run for docs/benchmarks-terminology.md: `im1fhir terminology` serving
# an edition-sized synthetic SNOMED CT release (400,000 concepts, ~1,000,000
# descriptions, written by the terminology package's generator), against a
# bare Echo handler (tools/loadbaseline) returning the same $lookup bytes.
# Same machine, same run, same load tool, so the ratio is the figure to read.
#
#   scripts/loadtest-terminology.sh [duration=10s]
#   env: CONCEPTS=400000  CODES=20000 (distinct codes per first pass)
#        C_LAT=8 C_TPUT=50 (latency and throughput concurrencies)
#        REV=HEAD  build a committed revision (git archive into a temp folder)
#                  instead of the working tree, e.g. while others edit it
#
# Two tools:
#  - hey (apt-get install hey) for fixed URLs: one $lookup code, metadata,
#    CodeSystem search. hey takes exactly one URL, so it cannot rotate codes.
#  - wrk (apt-get install wrk) with a Lua script for rotations over many
#    distinct codes: the "cold" passes (every code asked once, so neither the
#    rendered-response cache nor the in-process tier can answer) and a warm
#    rotation. wrk gets its own baseline run with the same Lua script.
#
# Phases:
#  1. in-process tier only (no Redis): cold first pass, warm rotation, hey suite
#  2. --redis-url to a private redis-server: first pass with Redis empty
#     (index + Redis SET), then a restarted sidecar (empty local tier, Redis
#     full) making the same pass: every look-up is a Redis GET. The local tier
#     has no off switch, so "first pass over distinct codes" is how it is
#     defeated; no production flag was added for benchmarking.
#
# Loopback only (ports 38181 sidecar, 38182 baseline, 38183 redis; the script
# refuses to start if one is taken); every run is bounded in time; everything
# it started is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
dur=${1:-10s}
concepts=${CONCEPTS:-400000}; ncodes=${CODES:-20000}
c_lat=${C_LAT:-8}; c_tput=${C_TPUT:-50}
term_port=38181; base_port=38182; redis_port=38183
for t in hey wrk redis-server redis-cli curl go shuf; do
  command -v "$t" >/dev/null || { echo "$t not installed"; exit 1; }
done
for p in $term_port $base_port $redis_port; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p already in use; aborting"; exit 1; fi
done
# The sidecar reads its defaults from the environment: none may leak in.
unset REDIS_URL IM1FHIR_RELEASE_DIR IM1FHIR_TERMINOLOGY_WATCH IM1FHIR_TERMINOLOGY_ADDR OTEL_EXPORTER_OTLP_ENDPOINT

tmp=$(mktemp -d)
term_pid=""; base_pid=""; redis_pid=""
cleanup() {
  for p in $term_pid $base_pid $redis_pid; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

echo "# $(date -u +%FT%TZ), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(awk '/MemTotal/{printf "%.0f GB", $2/1048576}' /proc/meminfo), $(go version | cut -d' ' -f3)"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
src=.
if [ -n "${REV:-}" ]; then
  src=$tmp/src; mkdir "$src"; git archive "$REV" | tar -x -C "$src"
  echo "# built from $(git rev-parse --short "$REV")"
else
  echo "# built from the working tree at $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- cmd terminology internal || echo ' (with local changes)')"
fi
(cd "$src" && go build -o "$tmp/im1fhir" ./cmd/im1fhir && go build -o "$tmp/baseline" ./tools/loadbaseline)
t0=$(date +%s.%N)
(cd "$src" && go test ./terminology -run '^TestWriteSyntheticRelease$' -count=1 \
  -args -synthetic-rf2-out "$tmp/releases" -synthetic-concepts "$concepts" >/dev/null)
rel=$(ls "$tmp/releases")
ndesc=$(( $(cat "$tmp/releases/$rel"/Snapshot/Terminology/sct2_Description_*.txt | wc -l) - 1 ))
echo "# synthetic release $rel: $concepts concepts, $ndesc descriptions, $(du -sm "$tmp/releases" | cut -f1) MB on disk (written in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s)"

# Active codes in a fixed pseudo-random order; the first is the hey code,
# then two disjoint sets for the two concurrencies.
awk -F'\t' 'NR>1 && $3=="1" {print $1}' "$tmp/releases/$rel"/Snapshot/Terminology/sct2_Concept_*.txt |
  shuf --random-source=<(yes) > "$tmp/codes.all"
one=$(head -1 "$tmp/codes.all")
sed -n "2,$((ncodes + 1))p" "$tmp/codes.all" > "$tmp/codes.lat"
sed -n "$((ncodes + 2)),$((2 * ncodes + 1))p" "$tmp/codes.all" > "$tmp/codes.tput"
[ "$(wc -l < "$tmp/codes.tput")" -eq "$ncodes" ] || { echo "release too small for CODES=$ncodes"; exit 1; }

term=http://127.0.0.1:$term_port; base=http://127.0.0.1:$base_port
accept="application/fhir+json; fhirVersion=4.0" # what terminology/client sends
# Query shaped as terminology/client encodes it.
lookup_path='/fhir/CodeSystem/$lookup?code='
lookup_tail='&system=http%3A%2F%2Fsnomed.info%2Fsct'

start_sidecar() { # extra flags...; sets term_pid, prints load time and RSS
  local s; s=$(date +%s.%N)
  "$tmp/im1fhir" terminology --addr "127.0.0.1:$term_port" --release-dir "$tmp/releases" --log-level warn "$@" \
    2>>"$tmp/terminology.log" &
  term_pid=$!
  for _ in $(seq 1 1800); do curl -sf "$term/readyz" >/dev/null && break; sleep 0.1; done
  curl -sf "$term/readyz" >/dev/null || { echo "sidecar not ready after 180 s"; tail "$tmp/terminology.log"; exit 1; }
  printf '# sidecar %s ready in %.1f s, RSS %d MB\n' "${*:-(in-process cache)}" \
    "$(awk -v a="$s" -v b="$(date +%s.%N)" 'BEGIN{print b-a}')" "$(( $(ps -o rss= -p "$term_pid") / 1024 ))"
  sleep 5 # the load leaves gigabytes of garbage; let the collector finish before measuring
}
stop_sidecar() {
  echo "# sidecar RSS before stop: $(( $(ps -o rss= -p "$term_pid") / 1024 )) MB"
  kill "$term_pid"; wait "$term_pid" 2>/dev/null || true; term_pid=""
}

check200() { # url
  local code; code=$(curl -s -o /dev/null -w '%{http_code}' -H "Accept: $accept" "$1")
  [ "$code" = 200 ] || { echo "$1 answers $code before the run; aborting"; exit 1; }
}

# The Redis tier warns once per failed call, then skips Redis for 1 s.
redis_warnings() { grep -c 'redis unavailable' "$tmp/terminology.log" 2>/dev/null || true; }

# Each measurement sets R (req/s, p50 ms, p99 ms, non-200, note); pair runs
# the baseline with the same tool and concurrency immediately before the
# subject and prints both with their ratio: the load on this shared machine
# moves within minutes, so a baseline from earlier in the run is no yardstick.
R=()
SUMMARY=()
hey_run() { # concurrency url
  local c=$1 url=$2 out
  check200 "$url"
  out=$(timeout 120 hey -z "$dur" -c "$c" -H "Accept: $accept" "$url")
  R=("$(awk '/Requests\/sec/{print $2}' <<<"$out")" "$(awk '/ 50% in/{print $3*1000}' <<<"$out")"
     "$(awk '/ 99% in/{print $3*1000}' <<<"$out")"
     "$(awk '/Status code distribution/{f=1;next} f&&/\[/{ if ($1!="[200]") n+=$2 } END{print n+0}' <<<"$out")" "")
}
row() { # label
  printf '  %-36s %8.0f req/s  p50 %7.3f ms  p99 %8.3f ms  non-200 %s %s\n' "$1" "${R[0]}" "${R[1]}" "${R[2]}" "${R[3]}" "${R[4]}"
}
pair() { # name tool(hey|wrk) concurrency subject-args...
  local name=$1 tool=$2 c=$3 b; shift 3
  if [ "$tool" = hey ]; then hey_run "$c" "$base/fhir/CodeSystem/\$lookup"; else wrk_run "$c" "$base" "$tmp/codes.tput" loop "$dur"; fi
  b=${R[0]}; row "baseline ($tool -c $c)"
  if [ "$tool" = hey ]; then hey_run "$c" "$@"; else wrk_run "$c" "$term" "$@"; fi
  row "$name"
  SUMMARY+=("$(awk -v a="${R[0]}" -v b="$b" -v n="$name" -v t="$tool" -v c="$c" -v p="${R[1]}" \
    'BEGIN{printf "  %-40s %-3s -c%-3s %6.0f req/s  p50 %6.3f ms  %5.1f %% of baseline", n, t, c, a, p, 100*a/b}')")
}

cat > "$tmp/rotate.lua" <<'LUA'
-- wrk -s rotate.lua URL -- codes-file once|loop path-prefix path-suffix accept [fifo]
-- Asks each code of codes-file in turn. "loop" wraps around (a warm
-- rotation). "once" is a first pass: after the last code the thread stops
-- and says so on fifo, and the script interrupts wrk at once, because wrk
-- otherwise idles until -d and counts that time in its rate.
local codes, i, once, prefix, suffix, fifo = {}, 0, false, "", "", nil
function init(args)
  for line in io.lines(args[1]) do codes[#codes + 1] = line end
  once, prefix, suffix, fifo = args[2] == "once", args[3], args[4], args[6]
  wrk.headers["Accept"] = args[5]
end
function request()
  i = i + 1
  if i > #codes then
    if once then
      local f = io.open(fifo, "w"); f:write("done\n"); f:close()
      wrk.thread:stop()
    end
    i = 1
  end
  return wrk.format("GET", prefix .. codes[i] .. suffix)
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %.6f %.3f %.3f %d %d\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
LUA

wrk_run() { # concurrency base-url codes-file once|loop duration(once: the cap)
  local c=$1 url=$2 codes=$3 mode=$4 d=$5 pid n secs p50 p99 status sockerr note="" fifo="$tmp/pass.fifo"
  check200 "$url$lookup_path$one$lookup_tail"
  local warned; warned=$(redis_warnings)
  rm -f "$fifo"; mkfifo "$fifo"
  timeout 300 wrk -t1 -c "$c" -d "$d" --timeout 5s -s "$tmp/rotate.lua" "$url" -- \
    "$codes" "$mode" "$lookup_path" "$lookup_tail" "$accept" "$fifo" > "$tmp/wrk.out" &
  pid=$!
  if [ "$mode" = once ]; then
    # Read-write open never blocks; the read returns when the pass ends
    # (or times out at the cap, when wrk stops by itself).
    if read -r -t "${d%s}" _ <>"$fifo"; then kill -INT "$pid" 2>/dev/null || true; else note="(cap reached before the list ended) "; fi
  fi
  wait "$pid"
  read -r _ n secs p50 p99 status sockerr <<<"$(grep '^RESULT' "$tmp/wrk.out")"
  warned=$(( $(redis_warnings) - warned ))
  [ "$warned" -eq 0 ] || note="${note}(redis call failed or exceeded its 50 ms budget $warned times: Redis skipped 1 s each) "
  R=("$(awk -v n="$n" -v s="$secs" 'BEGIN{print n/s}')" "$p50" "$p99" "$status"
     "$(printf '%s(%d requests in %.1f s, socket errors %d)' "$note" "$n" "$secs" "$sockerr")")
}

echo
echo "## Phase 1: in-process cache tier only"
start_sidecar
curl -sf -H "Accept: $accept" "$term$lookup_path$one$lookup_tail" > "$tmp/lookup.json"
echo "# \$lookup body for $one: $(wc -c < "$tmp/lookup.json") bytes; metadata?mode=terminology $(curl -sf -H "Accept: $accept" "$term/fhir/metadata?mode=terminology" | wc -c) bytes; CodeSystem search $(curl -sf -H "Accept: $accept" "$term/fhir/CodeSystem?url=http://snomed.info/sct" | wc -c) bytes"
"$tmp/baseline" --addr "127.0.0.1:$base_port" --body "$tmp/lookup.json" &
base_pid=$!
for _ in $(seq 1 100); do curl -sf "$base/x" >/dev/null && break; sleep 0.1; done
echo "# wrk -t1 -c N: first passes ask each of $ncodes codes once (capped at 120 s), rotations run $dur;"
echo "# hey -z $dur -c N asks one URL. Baselines: same tool and -c, just before each subject."
for c in $c_lat $c_tput; do
  list=$tmp/codes.lat; [ "$c" = "$c_lat" ] || list=$tmp/codes.tput
  pair "lookup first pass (in-process)" wrk "$c" "$list" once 120s
  pair "lookup warm rotation over $ncodes codes" wrk "$c" "$list" loop "$dur"
  pair "lookup one code" hey "$c" "$term$lookup_path$one$lookup_tail"
  pair "metadata?mode=terminology" hey "$c" "$term/fhir/metadata?mode=terminology"
  pair "CodeSystem?url=http://snomed.info/sct" hey "$c" "$term/fhir/CodeSystem?url=http://snomed.info/sct"
done
stop_sidecar

echo
echo "## Phase 2: --redis-url (private redis-server on $redis_port)"
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --logfile "$tmp/redis.log" &
redis_pid=$!
for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
redis_url="redis://127.0.0.1:$redis_port/0"
start_sidecar --redis-url "$redis_url"
pair "lookup first pass, Redis empty" wrk "$c_lat" "$tmp/codes.lat" once 120s
pair "lookup first pass, Redis empty" wrk "$c_tput" "$tmp/codes.tput" once 120s
echo "# redis keys after the empty-Redis passes: $(redis-cli -p "$redis_port" dbsize) (one per code asked, plus version lists)"
stop_sidecar
echo "# restart: the new process has an empty local tier and rendered cache; Redis keeps every answer"
start_sidecar --redis-url "$redis_url"
pair "lookup first pass, Redis hit" wrk "$c_lat" "$tmp/codes.lat" once 120s
pair "lookup first pass, Redis hit" wrk "$c_tput" "$tmp/codes.tput" once 120s
pair "lookup one code, Redis configured" hey "$c_lat" "$term$lookup_path$one$lookup_tail"
pair "lookup one code, Redis configured" hey "$c_tput" "$term$lookup_path$one$lookup_tail"
echo "# redis keyspace_hits / misses over the whole run: $(redis-cli -p "$redis_port" info stats | awk -F: '/keyspace_(hits|misses)/{printf "%s ", $2+0}')"
stop_sidecar
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "## Summary (ratio to the baseline measured just before, same tool and concurrency)"
printf '%s\n' "${SUMMARY[@]}"
