#!/usr/bin/env bash
# Start N Streamlit processes of the dashboard on loopback and nginx in front of them.
#
#   deploy/run.sh                      # WORKERS=<cores> processes, nginx on 127.0.0.1:8080
#   WORKERS=2 PORT=9000 deploy/run.sh
#
# Settings (environment): WORKERS, PORT (nginx), LISTEN (nginx address, 127.0.0.1),
# BASE_PORT (first Streamlit port; the others follow), APP (dashboard.py), PYTHON
# (.venv/bin/python if present, else python3), NGINX (nginx), PREFIX (a new temp dir).
# Everything nginx writes (config, logs, pid, temp files, gzipped assets) goes under
# PREFIX; no root-only path is used. Runs in the foreground; on TERM or INT (Ctrl-C) it
# stops nginx and every Streamlit process it started, and removes PREFIX.
set -euo pipefail
cd "$(dirname "$0")/.."

WORKERS=${WORKERS:-$(nproc)}
PORT=${PORT:-8080}
LISTEN=${LISTEN:-127.0.0.1}
BASE_PORT=${BASE_PORT:-8501}
APP=${APP:-dashboard.py}
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x .venv/bin/python ]]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
PREFIX=${PREFIX:-$(mktemp -d "${TMPDIR:-/tmp}/otpt-deploy.XXXXXX")}
mkdir -p "$PREFIX/tmp"

pids=()
nginx_pid=""
cleanup() {
    trap - EXIT INT TERM
    [[ -n "$nginx_pid" ]] && kill -QUIT "$nginx_pid" 2>/dev/null || true  # graceful stop
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}" $nginx_pid; do wait "$pid" 2>/dev/null || true; done
    [[ "${KEEP_PREFIX:-0}" == 1 ]] || rm -rf "$PREFIX"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# One secret for all processes, so that anything Streamlit signs (its session cookie,
# st.login) is valid whichever process a browser lands on after a restart.
export STREAMLIT_SERVER_COOKIE_SECRET=${STREAMLIT_SERVER_COOKIE_SECRET:-$("$PYTHON" -c 'import secrets; print(secrets.token_hex(32))')}

for ((i = 0; i < WORKERS; i++)); do
    port=$((BASE_PORT + i))
    "$PYTHON" -m streamlit run "$APP" --server.address 127.0.0.1 --server.port "$port" \
        >"$PREFIX/streamlit-$i.log" 2>&1 &
    pids+=($!)
done

# Frontend assets, gzipped once here instead of on every request: a copy of the
# installed Streamlit's static folder (it must be the version the processes run).
static_src=$("$PYTHON" -c 'import pathlib, streamlit; print(pathlib.Path(streamlit.__file__).parent / "static")')
cp -R "$static_src" "$PREFIX/static-root"
find "$PREFIX/static-root" -type f \( -name '*.js' -o -name '*.css' -o -name '*.json' -o -name '*.svg' -o -name '*.html' -o -name '*.txt' \) \
    -size +1k -print0 | xargs -0 -r -P "$(nproc)" -n 20 gzip -k -6

servers="" backend_health=""
for ((i = 0; i < WORKERS; i++)); do
    port=$((BASE_PORT + i))
    servers+="        server 127.0.0.1:$port max_fails=3 fail_timeout=10s;"$'\n'
    backend_health+="        location = /_backends/$i/health { allow 127.0.0.1; allow ::1; deny all; proxy_pass http://127.0.0.1:$port/_stcore/health; }"$'\n'
done
user_line="# (not root: workers run as the invoking user)"
if [[ $(id -u) == 0 ]]; then
    # nginx started as root drops its workers to this user, who must read the assets
    # and write the temp dirs.
    user_line="user nobody nogroup;"
    chmod 755 "$PREFIX"
    chown -R nobody:nogroup "$PREFIX/tmp"
fi
cookie_secure=""
[[ "${COOKIE_SECURE:-0}" == 1 ]] && cookie_secure="; Secure"
cp deploy/proxy_headers.conf "$PREFIX/proxy_headers.conf"
PREFIX="$PREFIX" PORT="$PORT" LISTEN="$LISTEN" SERVERS="$servers" BACKEND_HEALTH="$backend_health" \
USER_LINE="$user_line" COOKIE_SECURE_ATTR="$cookie_secure" "$PYTHON" - deploy/nginx.conf.template "$PREFIX/nginx.conf" <<'PY'
import os, sys
text = open(sys.argv[1]).read()
for field, value in {"PREFIX": os.environ["PREFIX"], "PORT": os.environ["PORT"], "LISTEN": os.environ["LISTEN"],
                     "SERVERS": os.environ["SERVERS"].rstrip("\n"), "BACKEND_HEALTH": os.environ["BACKEND_HEALTH"].rstrip("\n"),
                     "USER": os.environ["USER_LINE"], "STATIC_ROOT": os.environ["PREFIX"] + "/static-root",
                     "COOKIE_SECURE": os.environ["COOKIE_SECURE_ATTR"]}.items():
    text = text.replace(f"@{field}@", value)
open(sys.argv[2], "w").write(text)
PY

# Wait until every Streamlit process answers its health check.
"$PYTHON" - "$BASE_PORT" "$WORKERS" <<'PY'
import sys, time, urllib.request
base, count = int(sys.argv[1]), int(sys.argv[2])
deadline = time.monotonic() + 120
for port in range(base, base + count):
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            sys.exit(f"streamlit on port {port} did not become healthy")
        time.sleep(0.1)
PY

"$NGINX" -t -q -p "$PREFIX" -c "$PREFIX/nginx.conf" -e "$PREFIX/error.log"
"$NGINX" -p "$PREFIX" -c "$PREFIX/nginx.conf" -e "$PREFIX/error.log" -g "daemon off;" &
nginx_pid=$!
echo "serving $APP on http://$LISTEN:$PORT through nginx, $WORKERS Streamlit processes on ports $BASE_PORT-$((BASE_PORT + WORKERS - 1)); files in $PREFIX"

# Run until told to stop, or until nginx or any Streamlit process exits (then stop all).
set +e
wait -n "${pids[@]}" "$nginx_pid"
status=$?
echo "a process exited (status $status); stopping" >&2
exit 1
