#!/usr/bin/env bash
# Checks the README's run path with the packaged jar: starts on the embedded PostgreSQL, serves the
# Chinese login page, keeps a row written through the UI across a clean restart, a kill -9 of the JVM
# alone (its PostgreSQL left running) and a kill -9 of both (a power cut); each next start must succeed.
set -euo pipefail
jar=$(realpath "$1")
work=$(mktemp -d)
port=18080
base="http://localhost:$port"
pid=""
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

start() {
    (cd "$work" && exec java -jar "$jar" --server.port=$port >>"$work/app.log" 2>&1) &
    pid=$!
    for _ in $(seq 1 240); do
        # ready (not merely up) once the first start has loaded the demo
        health=$(curl -fs "$base/actuator/health/readiness" 2>/dev/null || true)
        if [[ "$health" == *'"status":"UP"'* ]]; then
            echo "run path: UP (pid $pid)"
            return 0
        fi
        sleep 1
    done
    echo "run path: the application did not become ready within 240 s"; tail -50 "$work/app.log"; exit 1
}

stop() {
    kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

crash_jvm() {
    # kill -9 the JVM alone (a crash, the OOM killer): its PostgreSQL keeps running on the folder
    kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

crash() {
    # kill -9 the JVM and the PostgreSQL it started, as a power cut would
    pkill -9 -f "$work/data/postgres" 2>/dev/null || true
    kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

# Fetches a page into a file first: grep -q closing a pipe early would fail the pipeline under pipefail.
page_has() {
    curl -fs -c "$work/cookies" -b "$work/cookies" -o "$work/page.html" "$base$1" && grep -q "$2" "$work/page.html"
}

csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }

sign_in() {
    rm -f "$work/cookies"
    local token
    token=$(curl -fs -c "$work/cookies" -b "$work/cookies" "$base/login" | csrf)
    curl -fs -o /dev/null -c "$work/cookies" -b "$work/cookies" \
        --data-urlencode "username=admin" --data-urlencode "password=workrelief-demo" \
        --data-urlencode "_csrf=$token" "$base/login"
}

start
status=$(curl -s -o "$work/login.html" -w '%{http_code}' "$base/login")
[ "$status" = 200 ] || { echo "run path: /login answered $status"; exit 1; }
grep -q '用户登录' "$work/login.html" || { echo "run path: /login is not the Chinese login page"; exit 1; }
echo "run path: /login 200, Chinese login page"

sign_in
token=$(curl -fs -c "$work/cookies" -b "$work/cookies" "$base/admin/towns" | csrf)
curl -fs -o /dev/null -c "$work/cookies" -b "$work/cookies" --data-urlencode "code=CI-KEEP" --data-urlencode "name=持久化检查镇" \
    --data-urlencode "_csrf=$token" "$base/admin/towns"
page_has /admin/towns '持久化检查镇' || { echo "run path: town not created"; exit 1; }
echo "run path: wrote a town through the UI"

stop
start
sign_in
page_has /admin/towns '持久化检查镇' || { echo "run path: town lost on restart"; exit 1; }
echo "run path: the town is still there after a restart"

crash_jvm
start
sign_in
page_has /admin/towns '持久化检查镇' || { echo "run path: town lost after kill -9 of the JVM"; exit 1; }
echo "run path: the first start after kill -9 of the JVM alone succeeds, the town is still there"

crash
start
sign_in
page_has /admin/towns '持久化检查镇' || { echo "run path: town lost after kill -9"; exit 1; }
echo "run path: the town is still there after kill -9 of the JVM and its PostgreSQL"
stop
echo "run path: OK"
