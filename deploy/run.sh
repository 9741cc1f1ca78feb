#!/usr/bin/env bash
# Start N Streamlit processes of the dashboard on loopback and nginx in front of them,
# all kept alive by supervisord.
#
#   deploy/run.sh                      # WORKERS=<cores> processes, nginx on 127.0.0.1:8080
#   WORKERS=2 PORT=9000 SERVER_NAMES="dash.example.org" deploy/run.sh
#
# Settings (environment): WORKERS, PORT (nginx), LISTEN (nginx address, 127.0.0.1),
# SERVER_NAMES (the host names nginx answers, space-separated; "localhost 127.0.0.1"),
# BASE_PORT (first Streamlit port; the others follow), APP (dashboard.py), PYTHON
# (.venv/bin/python if present, else python3), NGINX (nginx), SUPERVISORD (supervisord
# from PYTHON's packages if installed there, else from PATH), MALLOC_ARENA_MAX (2),
# PREFIX (a new temp dir). Everything written at run time (configs, logs, pids, sockets,
# temp files, gzipped assets) goes under PREFIX; no root-only path is used. Runs in the
# foreground; on TERM or INT (Ctrl-C) it stops supervisord, which stops nginx and every
# Streamlit process, and removes PREFIX. A Streamlit process or nginx that dies is
# started again by supervisord (with back-off when it keeps dying at start), while the
# others keep serving.
set -euo pipefail
cd "$(dirname "$0")/.."

WORKERS=${WORKERS:-$(nproc)}
PORT=${PORT:-8080}
LISTEN=${LISTEN:-127.0.0.1}
SERVER_NAMES=${SERVER_NAMES:-"localhost 127.0.0.1"}
BASE_PORT=${BASE_PORT:-8501}
APP=${APP:-dashboard.py}
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x .venv/bin/python ]]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
if [[ -n "${SUPERVISORD:-}" ]]; then
    supervisord=("$SUPERVISORD"); supervisorctl=("${SUPERVISORCTL:-$(dirname "$SUPERVISORD")/supervisorctl}")
elif "$PYTHON" -c 'import supervisor' 2>/dev/null; then  # PyPI's supervisor in the venv
    supervisord=("$PYTHON" -m supervisor.supervisord); supervisorctl=("$PYTHON" -m supervisor.supervisorctl)
elif command -v supervisord >/dev/null; then  # Debian's package (the container image)
    supervisord=(supervisord); supervisorctl=(supervisorctl)
else
    echo "supervisord not found: pip install supervisor (or apt-get install supervisor)" >&2
    exit 2
fi
# Host names go into nginx's config: letters, digits, dots, dashes, a leading "*." or
# an IPv6 address in brackets; nothing that could end a directive.
for name in $SERVER_NAMES; do
    [[ "$name" =~ ^(\*\.)?[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$ ]] || { echo "bad name in SERVER_NAMES: $name" >&2; exit 2; }
done
[[ -n "${SERVER_NAMES// }" ]] || { echo "SERVER_NAMES is empty" >&2; exit 2; }

# glibc's malloc gives each thread that allocates its own arena (up to 8 per core) and
# keeps freed memory in them; Streamlit runs each session's script on its own thread.
# Two arenas keep the memory left after sessions close small (bench/README.md, "Memory").
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

PREFIX=${PREFIX:-$(mktemp -d "${TMPDIR:-/tmp}/otpt-deploy.XXXXXX")}
mkdir -p "$PREFIX/tmp"
supervisord_pid=""
cleanup() {
    trap - EXIT INT TERM
    if [[ -n "$supervisord_pid" ]]; then
        # supervisord stops nginx (QUIT: graceful) and every Streamlit process (TERM).
        kill -TERM "$supervisord_pid" 2>/dev/null || true
        wait "$supervisord_pid" 2>/dev/null || true
    fi
    [[ "${KEEP_PREFIX:-0}" == 1 ]] || rm -rf "$PREFIX"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# One secret for all processes, so that anything Streamlit signs (its session cookie,
# st.login) is valid whichever process a browser lands on after a restart.
export STREAMLIT_SERVER_COOKIE_SECRET=${STREAMLIT_SERVER_COOKIE_SECRET:-$("$PYTHON" -c 'import secrets; print(secrets.token_hex(32))')}

# Frontend assets, gzipped once here instead of on every request: a copy of the
# installed Streamlit's static folder (it must be the version the processes run).
static_src=$("$PYTHON" -c 'import pathlib, streamlit; print(pathlib.Path(streamlit.__file__).parent / "static")')
cp -R "$static_src" "$PREFIX/static-root"
find "$PREFIX/static-root" -type f \( -name '*.js' -o -name '*.css' -o -name '*.json' -o -name '*.svg' -o -name '*.html' -o -name '*.txt' \) \
    -size +1k -print0 | xargs -0 -r -P "$(nproc)" -n 20 gzip -k -6

servers="" backend_health=""
for ((i = 0; i < WORKERS; i++)); do
    port=$((BASE_PORT + i))
    # One failed connection takes a process out for 5 s (its requests go to the next
    # one, proxy_next_upstream); then nginx tries it again, so a restarted process is
    # back in within seconds.
    servers+="        server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'
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
USER_LINE="$user_line" COOKIE_SECURE_ATTR="$cookie_secure" SERVER_NAMES="$SERVER_NAMES" \
"$PYTHON" - deploy/nginx.conf.template "$PREFIX/nginx.conf" <<'PY'
import os, sys
text = open(sys.argv[1]).read()
for field, value in {"PREFIX": os.environ["PREFIX"], "PORT": os.environ["PORT"], "LISTEN": os.environ["LISTEN"],
                     "SERVERS": os.environ["SERVERS"].rstrip("\n"), "BACKEND_HEALTH": os.environ["BACKEND_HEALTH"].rstrip("\n"),
                     "USER": os.environ["USER_LINE"], "STATIC_ROOT": os.environ["PREFIX"] + "/static-root",
                     "COOKIE_SECURE": os.environ["COOKIE_SECURE_ATTR"],
                     "SERVER_NAMES": " ".join(os.environ["SERVER_NAMES"].split())}.items():
    text = text.replace(f"@{field}@", value)
open(sys.argv[2], "w").write(text)
PY
"$NGINX" -t -q -p "$PREFIX" -c "$PREFIX/nginx.conf" -e "$PREFIX/error.log"

# supervisord's configuration: one program per Streamlit process, and nginx (started
# below once every process is healthy). autorestart: a process that exits, whatever
# its status, is started again at once; one that exits within startsecs of starting
# counts as a failed start and is retried after 1 s, 2 s, 3 s, ... (supervisord's
# back-off) up to startretries times, then left FATAL (see deploy/README.md).
q() { printf '%q' "$1"; }
{
    cat <<CONF
[supervisord]
nodaemon=true
logfile=$PREFIX/supervisord.log
pidfile=$PREFIX/supervisord.pid
childlogdir=$PREFIX
loglevel=info

[unix_http_server]
file=$PREFIX/supervisor.sock
chmod=0700

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix://$PREFIX/supervisor.sock
CONF
    for ((i = 0; i < WORKERS; i++)); do
        port=$((BASE_PORT + i))
        cat <<CONF

[program:streamlit-$i]
command=$(q "$PYTHON") -m streamlit run $(q "$APP") --server.address 127.0.0.1 --server.port $port
directory=$PWD
autostart=true
autorestart=true
startsecs=3
startretries=20
stopsignal=TERM
stopwaitsecs=10
stopasgroup=true
killasgroup=true
redirect_stderr=true
stdout_logfile=$PREFIX/streamlit-$i.log
stdout_logfile_maxbytes=10MB
stdout_logfile_backups=2
CONF
    done
    cat <<CONF

[program:nginx]
command=$(q "$NGINX") -p $(q "$PREFIX") -c $(q "$PREFIX/nginx.conf") -e $(q "$PREFIX/error.log") -g "daemon off;"
autostart=false
autorestart=true
startsecs=1
startretries=20
stopsignal=QUIT
stopwaitsecs=10
redirect_stderr=true
stdout_logfile=$PREFIX/nginx.out
CONF
} >"$PREFIX/supervisord.conf"
ctl() { "${supervisorctl[@]}" -c "$PREFIX/supervisord.conf" "$@"; }

"${supervisord[@]}" -c "$PREFIX/supervisord.conf" &
supervisord_pid=$!

# Wait until every Streamlit process answers its health check, then start nginx.
"$PYTHON" - "$BASE_PORT" "$WORKERS" "$supervisord_pid" <<'PY'
import os, sys, time, urllib.request
base, count, supervisor = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
deadline = time.monotonic() + 120
for port in range(base, base + count):
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    break
        except OSError:
            pass
        try:
            os.kill(supervisor, 0)
        except ProcessLookupError:
            sys.exit("supervisord exited")
        if time.monotonic() > deadline:
            sys.exit(f"streamlit on port {port} did not become healthy")
        time.sleep(0.1)
PY
ctl start nginx >/dev/null
echo "serving $APP on http://$LISTEN:$PORT (names: $SERVER_NAMES) through nginx, $WORKERS Streamlit processes on ports $BASE_PORT-$((BASE_PORT + WORKERS - 1)) under supervisord; files in $PREFIX"

# Run until told to stop (TERM, INT) or until supervisord itself exits.
set +e
wait "$supervisord_pid"
status=$?
supervisord_pid=""
echo "supervisord exited (status $status); stopping" >&2
exit 1
