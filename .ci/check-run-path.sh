#!/usr/bin/env bash
# Checks the README's run path with the packaged jar: starts on the embedded PostgreSQL, serves the
# Chinese login page, keeps a row written through the UI across a clean restart, a kill -9 of the JVM
# alone (its PostgreSQL left running) and a kill -9 of both (a power cut); each next start must succeed; then a
# backup downloaded through the application is restored into a new data folder, and the application starts on it.
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
    local dir=${1:-$work}
    (cd "$dir" && exec java -jar "$jar" --server.port=$port >>"$work/app.log" 2>&1) &
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

# Backup and restore (docs/backups.md, docs/deployment.md): a backup downloaded from the running application (数据备份, as the
# county's administrator), a town written after it; the restore command of docs/backups.md into a new data folder with the
# data key restores it, and refuses a second restore into that folder (no longer empty); the application starts on
# the restored folder with the town written before the backup and without the one written after it.
check_backup_restore() {
    sign_in
    curl -fs -b "$work/cookies" -o "$work/backup.zip" "$base/backups/new" \
        || { echo "run path: the backup download failed"; exit 1; }
    [ "$(head -c 2 "$work/backup.zip")" = "PK" ] || { echo "run path: the backup is not a zip archive"; exit 1; }
    echo "run path: downloaded a backup through the application ($(stat -c %s "$work/backup.zip") bytes)"
    local token
    token=$(curl -fs -c "$work/cookies" -b "$work/cookies" "$base/admin/towns" | csrf)
    curl -fs -o /dev/null -c "$work/cookies" -b "$work/cookies" --data-urlencode "code=CI-AFTER" \
        --data-urlencode "name=备份之后镇" --data-urlencode "_csrf=$token" "$base/admin/towns"
    page_has /admin/towns '备份之后镇' || { echo "run path: town after the backup not created"; exit 1; }
    stop
    local restored="$work/restored"
    mkdir -p "$restored/data"
    cp "$work/data/data-key" "$restored/data/data-key"
    (cd "$restored" && java -jar "$jar" --workrelief.restore="$work/backup.zip" >>"$work/restore.log" 2>&1) \
        || { echo "run path: the restore failed"; tail -50 "$work/restore.log"; exit 1; }
    echo "run path: restored the backup into a new data folder"
    if (cd "$restored" && java -jar "$jar" --workrelief.restore="$work/backup.zip" >>"$work/restore.log" 2>&1); then
        echo "run path: a second restore into the restored (not empty) folder was not refused"; exit 1
    fi
    grep -q 'Restore refused: the database is not empty' "$work/restore.log" \
        || { echo "run path: the second restore failed without saying why"; tail -50 "$work/restore.log"; exit 1; }
    echo "run path: a restore into a database with data is refused"
    (cd "$restored" && java -jar "$jar" --workrelief.audit.verify >>"$work/verify.log" 2>&1) \
        || { echo "run path: the restored audit chains do not verify"; tail -30 "$work/verify.log"; exit 1; }
    echo "run path: the restored audit chains verify (the operator's command: $(grep -m1 -o 'INTACT[^\r]*' "$work/verify.log" | head -c 120))"
    start "$restored"
    sign_in
    page_has /admin/towns '持久化检查镇' || { echo "run path: the restored data lack the town of the backup"; exit 1; }
    if page_has /admin/towns '备份之后镇'; then
        echo "run path: the restored data hold the town written after the backup"; exit 1
    fi
    echo "run path: the application starts on the restored folder, with the data of the backup"
    stop
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
check_backup_restore
echo "run path: OK"
