# shellcheck shell=bash
# SPDX-License-Identifier: Apache-2.0
# Bash launcher for a carecoord server under test. Source it, then:
#
#   cc_server_start BIN DB_URL DEMO_PASSWORD WEB_ROOT WORKDIR
#       migrates DB_URL, loads the demo (resetting the demo users' passwords to DEMO_PASSWORD),
#       starts `BIN serve` on 127.0.0.1 and a free port in the background, and waits (at most
#       CC_START_TIMEOUT seconds, default 20) until the port file holds the port and /healthz
#       answers 200. Sets CC_SERVER_PID and CC_SERVER_URL; the server's output goes to
#       WORKDIR/server.log, the demo command's to WORKDIR/demo.log. Returns non-zero on failure.
#   cc_server_stop
#       sends SIGTERM and waits at most 5 s; returns 0 only if the server exited 0 in time
#       (graceful shutdown is a requirement), otherwise kills it and returns 1.
#
# The mirror of this for node tests is server.mjs beside it.

cc_server_start() {
  local bin=$1 db=$2 password=$3 web_root=$4 work=$5
  local timeout=${CC_START_TIMEOUT:-20}
  mkdir -p "$work"
  local port_file="$work/port"
  rm -f "$port_file"
  CC_SERVER_PID=
  CC_SERVER_URL=
  if ! "$bin" migrate --db "$db" >"$work/migrate.log" 2>&1; then
    echo "launch: '$bin migrate' failed:" >&2
    cat "$work/migrate.log" >&2
    return 1
  fi
  if ! "$bin" demo --db "$db" --demo-password "$password" >"$work/demo.log" 2>&1; then
    echo "launch: '$bin demo' failed:" >&2
    cat "$work/demo.log" >&2
    return 1
  fi
  "$bin" serve --db "$db" --bind 127.0.0.1 --port 0 --port-file "$port_file" \
    --web-root "$web_root" >"$work/server.log" 2>&1 &
  CC_SERVER_PID=$!
  local deadline=$((SECONDS + timeout)) port=
  while ((SECONDS < deadline)); do
    if ! kill -0 "$CC_SERVER_PID" 2>/dev/null; then
      echo "launch: server exited during start-up; its log:" >&2
      tail -n 50 "$work/server.log" >&2
      CC_SERVER_PID=
      return 1
    fi
    if [[ -s "$port_file" ]]; then
      port=$(tr -dc '0-9' <"$port_file")
      if [[ -n "$port" ]] && curl_ok "http://127.0.0.1:$port/healthz"; then
        # shellcheck disable=SC2034 # used by the scripts that source this file
        CC_SERVER_URL="http://127.0.0.1:$port"
        return 0
      fi
    fi
    sleep 0.1
  done
  echo "launch: server not ready within ${timeout}s; its log:" >&2
  tail -n 50 "$work/server.log" >&2
  cc_server_stop || true
  return 1
}

# curl_ok URL: true when URL answers 200 within 2 s (node's fetch, so curl need not be installed).
curl_ok() {
  node -e '
    fetch(process.argv[1], { signal: AbortSignal.timeout(2000) })
      .then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1));
  ' "$1" 2>/dev/null
}

cc_server_stop() {
  local pid=${CC_SERVER_PID:-}
  [[ -n "$pid" ]] || return 0
  CC_SERVER_PID=
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "launch: server $pid did not exit within 5 s of SIGTERM; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    return 1
  fi
  local rc=0
  wait "$pid" 2>/dev/null || rc=$?
  if ((rc != 0)); then
    echo "launch: server exited with status $rc after SIGTERM (expected 0)" >&2
    return 1
  fi
  return 0
}
