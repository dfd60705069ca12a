#!/usr/bin/env bash
# The device API measured from outside the server: the packaged application on the README's run path (its own
# embedded PostgreSQL, the demo data, in a fresh data folder), driven by wrk from a separate process with
# bench/device-api.lua. One terminal's token of the project under construction (issued on its 考勤设备 page as
# js-admin), cycling over its insured workers. For each number of connections: the server's cheapest endpoint
# (health), an authenticated no-op behind the same token filter (GET /api/v1/ping), first sign-ins (201) and repeats
# (200), each for BENCH_SECONDS after BENCH_WARMUP seconds of the same load; then the batch endpoint (1,000 new
# sign-ins a request) beside a bulk INSERT of the same rows by psql. Then, at the same numbers of connections, what
# the database alone does with the same work, from pgbench (bench/floors): the repeat's one query, and a first
# sign-in's statements without and with its audit row. Each measured run also reports how the machine's CPU time was
# shared between the application, PostgreSQL and the client. Prints the tables with the ratios and targets.
#
#   bench/device-api.sh            (options by environment: BENCH_PORT, BENCH_DATA_DIR, BENCH_SECONDS, BENCH_WARMUP,
#                                   BENCH_CONNECTIONS, BENCH_THREADS, BENCH_JAVA_OPTS, BENCH_PROFILE=<mode> for a JFR
#                                   recording of that mode's measured runs in target/bench-<mode>-<connections>.jfr,
#                                   BENCH_REUSE_DATA=1 to keep the last run's data folder)
#
# First sign-ins need (worker, day, half-day) combinations never sent before, tens of thousands a run. The API takes
# the time from the terminal, so the script sends days ahead of today: the application runs with
# workrelief.attendance.clock-tolerance=P11000D (a terminal clock may be up to 30 years fast, for this run only), and
# the insured workers' accident insurance is extended by 30 years in the benchmark's own database (the policies of
# the demo end within 150 days; a sign-in on a day without insurance is refused). Nothing else is changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-8090}
DATA=${BENCH_DATA_DIR:-target/bench-data}
SECONDS_EACH=${BENCH_SECONDS:-20}
WARMUP=${BENCH_WARMUP:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-"8 32 64"}
THREADS=${BENCH_THREADS:-2}
JAR=target/workrelief.jar
BASE=http://localhost:$PORT
LOG=target/bench-app.log
LUA=bench/device-api.lua

if ! command -v wrk >/dev/null 2>&1; then
    echo "Installing wrk"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
if ! command -v pgbench >/dev/null 2>&1; then
    echo "Installing pgbench"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null
fi
for tool in psql pgbench curl java; do
    command -v $tool >/dev/null 2>&1 || { echo "needs $tool" >&2; exit 1; }
done
if [ ! -f "$JAR" ]; then
    echo "Packaging the application"
    ./mvnw -q -B -DskipTests package
fi

# a fresh data folder (the demo data loads into an empty database only); BENCH_REUSE_DATA=1 keeps the last run's
[ "${BENCH_REUSE_DATA:-0}" = 1 ] || rm -rf "$DATA"
mkdir -p "$DATA"
JAVA_OPTS=${BENCH_JAVA_OPTS:-}
echo "Starting the application (demo data into $DATA; log in $LOG)"
# shellcheck disable=SC2086
PORT=$PORT WORKRELIEF_DATA_DIR=$DATA setsid java $JAVA_OPTS -jar "$JAR" \
    --workrelief.attendance.clock-tolerance=P11000D > "$LOG" 2>&1 &
APP=$!
trap 'kill -- -$APP 2>/dev/null || kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
started=$(date +%s)
until curl -fs "$BASE/actuator/health/readiness" 2>/dev/null | grep -q UP; do
    kill -0 $APP 2>/dev/null || { echo "the application stopped; see $LOG" >&2; exit 1; }
    [ $(( $(date +%s) - started )) -lt 600 ] || { echo "not ready after 10 minutes; see $LOG" >&2; exit 1; }
    sleep 2
done
echo "Ready after $(( $(date +%s) - started )) s"

PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
sql() { psql -h localhost -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
PROJECT=$(sql -c "select id from project where status = 'UNDER_CONSTRUCTION' order by id limit 1")
TODAY=$(sql -c "select (now() at time zone 'Asia/Shanghai')::date")
# the workers insured beyond the coming days (the demo lets a few policies end within the week)
sql -c "update enrollment set insurance_to = insurance_to + 10950 where project_id = $PROJECT and status = 'ACTIVE'
        and insurance_to >= date '$TODAY' + 30" >/dev/null
CODES=$(sql -c "select string_agg(w.worker_code, ',' order by e.id) from enrollment e join worker w on w.id = e.worker_id
                where e.project_id = $PROJECT and e.status = 'ACTIVE' and e.insurance_to >= date '$TODAY' + 10950")
WORKERS=$(echo "$CODES" | tr ',' '\n' | wc -l)

# the token, as an administrator issues it: sign in as js-admin and issue one on the project's 考勤设备 page
JAR_COOKIES=$(mktemp)
csrf() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }
token_csrf=$(curl -fs -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" | csrf)
curl -fs -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "username=js-admin" \
    --data-urlencode "password=workrelief-demo" --data-urlencode "_csrf=$token_csrf" "$BASE/login"
token_csrf=$(curl -fs -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/projects/$PROJECT/devices" | csrf)
TOKEN=$(curl -fsL -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "name=bench-gate" \
    --data-urlencode "_csrf=$token_csrf" "$BASE/projects/$PROJECT/devices" | grep -o 'wrd_[A-Za-z0-9_-]*' | head -1)
rm -f "$JAR_COOKIES"
[ -n "$TOKEN" ] || { echo "could not issue a device token" >&2; exit 1; }
echo "Project $PROJECT, $WORKERS insured workers, token issued on its 考勤设备 page; today $TODAY"
export BENCH_TOKEN=$TOKEN BENCH_CODES=$CODES BENCH_TODAY=$TODAY

# the repeats' day: every worker's AM and PM sign-in of day +1, stored once now
primed=$(awk -v codes="$CODES" -v day="$(date -d "$TODAY + 1 day" +%F)" 'BEGIN {
    n = split(codes, c, ","); printf "{\"punches\":[";
    for (i = 1; i <= n; i++) { printf "%s{\"workerCode\":\"%s\",\"punchedAt\":\"%sT07:30:00+08:00\"},{\"workerCode\":\"%s\",\"punchedAt\":\"%sT14:30:00+08:00\"}", (i > 1 ? "," : ""), c[i], day, c[i], day }
    printf "]}" }' | curl -fs -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" --data-binary @- \
    "$BASE/api/v1/punches/batch" | { grep -o '"status":201' || true; } | wc -l)
echo "Repeats' day stored: $primed sign-ins"

RESULTS=target/bench-results.txt
: > "$RESULTS"
# the first day after every sign-in stored so far (a reused data folder has the last run's), as days after today
first_free_day() {
    sql -c "select greatest(2, coalesce(max(work_date), date '$TODAY') - date '$TODAY' + 1) from punch where project_id = $PROJECT"
}
next_day=$(first_free_day)
# CPU time (clock ticks) used so far by the application, by PostgreSQL (every postgres process) and by the client
# (wrk or pgbench); the differences around a run give the machine's time shared between them
ticks_of() {
    local total=0 pid
    for pid in "$@"; do
        [ -r "/proc/$pid/stat" ] && total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }')))
    done
    echo $total
}
# the CPU ticks of a process's children that have ended (and were waited for)
ended_children_ticks() {
    sed 's/.*) //' "/proc/$1/stat" | awk '{ print $14 + $15 }'
}
# PostgreSQL: its processes now, and the backends that have ended (pgbench's); the client: whatever this script ran
# and waited for (wrk, pgbench)
cpu_ticks() {
    local postmaster
    postmaster=$(head -1 "$DATA/postgres/postmaster.pid")
    # shellcheck disable=SC2046
    echo "$(ticks_of $APP) $(( $(ticks_of $(pgrep -x postgres)) + $(ended_children_ticks "$postmaster") )) $(ended_children_ticks $$)"
}
# "app% postgres% client%" of the machine (all cores) between two cpu_ticks samples taken a number of seconds apart
cpu_share() {
    awk -v a="$1" -v b="$2" -v s="$3" -v cores="$(nproc)" -v hz="$(getconf CLK_TCK)" 'BEGIN {
        split(a, x, " "); split(b, y, " ");
        printf "%.0f %.0f %.0f", 100 * (y[1] - x[1]) / (s * hz * cores), 100 * (y[2] - x[2]) / (s * hz * cores),
            100 * (y[3] - x[3]) / (s * hz * cores) }'
}
# run <connections> <threads> <mode>: a warm-up, then the measured run; first sign-ins and batches each on days of their own
run() {
    local conns=$1 threads=$2 mode=$3 url=$BASE day
    for phase in warmup measure; do
        local seconds=$SECONDS_EACH
        [ $phase = warmup ] && seconds=$WARMUP
        local line
        day=$next_day
        [ "$mode" = repeat ] && day=1
        local profile=0
        if [ "${BENCH_PROFILE:-}" = "$mode" ] && [ $phase = measure ]; then
            profile=1
            jcmd $APP JFR.start name=bench settings=profile filename="$PWD/target/bench-$mode-$conns.jfr" >/dev/null
        fi
        local before after
        before=$(cpu_ticks)
        line=$(wrk -t "$threads" -c "$conns" -d "${seconds}s" --timeout 10s -s "$LUA" "$url" -- "$mode" "$day" "$threads" \
            | grep '^RESULT')
        after=$(cpu_ticks)
        [ $profile = 1 ] && jcmd $APP JFR.stop name=bench >/dev/null
        case $mode in first|batch) next_day=$(first_free_day) ;; esac
        [ $phase = measure ] && echo "$conns $line $(cpu_share "$before" "$after" "$seconds")" | tee -a "$RESULTS" >&2
    done
}
for c in $CONNECTIONS; do
    for mode in health ping first repeat; do
        run "$c" "$THREADS" "$mode"
    done
done
run 1 1 batch
# a batch still in flight when wrk stopped (one that outlived its timeout) goes on storing its items: wait until the
# sign-ins stop growing, so that the bulk INSERT below starts after the last day stored (it collided once, psql exit 3)
stored=-1
until [ "$stored" = "$(sql -c "select count(*) from punch where project_id = $PROJECT")" ]; do
    stored=$(sql -c "select count(*) from punch where project_id = $PROJECT")
    sleep 2
done
next_day=$(first_free_day)

# the baseline of the batch: the same rows (1,000 sign-ins of the project's workers on new days) by one multi-row
# INSERT each, 20 times in one psql session, each its own transaction
WORKER_IDS=$(sql -c "select string_agg(worker_id::text, ',' order by id) from enrollment where project_id = $PROJECT
                     and status = 'ACTIVE' and insurance_to >= date '$TODAY' + 10950")
inserts=20
{
    echo '\timing on'
    for i in $(seq 0 $((inserts - 1))); do
        cat <<SQL
insert into punch (project_id, worker_id, work_date, slot, punched_at, source, device_id, recorded_by, latitude, longitude,
                   flag_outside, created_at, created_by, updated_at, updated_by)
select $PROJECT, a.ids[g % a.n + 1], x.d, x.s, (x.d + x.t) at time zone 'Asia/Shanghai', 'DEVICE', 'bench-gate',
       'device:bench-gate', null, null, false, now(), 'device:bench-gate', now(), 'device:bench-gate'
from (select '{$WORKER_IDS}'::bigint[] as ids, $WORKERS as n) a
cross join generate_series(0, 999) g
cross join lateral (select date '$TODAY' + $((next_day + 10 * i)) + g / (2 * a.n) as d,
                           case when (g / a.n) % 2 = 0 then 'AM' else 'PM' end as s,
                           case when (g / a.n) % 2 = 0 then time '07:30' else time '14:30' end as t) x;
SQL
    done
} | sql 2>&1 | tee target/bench-insert-raw.txt | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' \
    > target/bench-insert-times.txt || { echo "the bulk INSERT failed; see target/bench-insert-raw.txt" >&2; exit 1; }
insert_ms=$(awk '{ s += $1 } END { printf "%.1f", s }' target/bench-insert-times.txt)
echo "bulk INSERT: $inserts x 1000 rows in $insert_ms ms" >&2

# The database alone (pgbench, prepared statements, as the application's driver sends them): the repeat's query on
# the repeats' day, and a first sign-in's writes on days of their own far ahead, without and with the audit row
sql -c "create sequence if not exists bench_floor_seq;
        drop table if exists bench_floor_worker;
        create table bench_floor_worker as
            select row_number() over (order by e.id) as i, w.id as worker_id, w.worker_code as code
            from enrollment e join worker w on w.id = e.worker_id
            where e.project_id = $PROJECT and e.status = 'ACTIVE' and e.insurance_to >= date '$TODAY' + 10950;
        create unique index on bench_floor_worker (i)" >/dev/null
epoch_day() { echo $(( $(date -u -d "$1" +%s) / 86400 )); }
REPEAT_DAY=$(epoch_day "$(date -d "$TODAY + 1 day" +%F)")
FLOOR_DAY=$(epoch_day "$(date -d "$TODAY + 20000 days" +%F)")
# floor <connections> <name> <seconds> <measure 0|1>: repeat (bench/floors/repeat.sql), first or first-audited
# (bench/floors/first.sql without and with the audit row)
floor() {
    local conns=$1 name=$2 seconds=$3 measure=$4 before after out log_prefix=target/pgbench-$2
    local script=first day=$FLOOR_DAY audited=0
    case $name in
        repeat) script=repeat day=$REPEAT_DAY ;;
        first-audited) audited=1 ;;
    esac
    rm -f "$log_prefix".*
    before=$(cpu_ticks)
    out=$(pgbench -h localhost -p "$PGPORT" -U postgres -n -M prepared -c "$conns" -j "$THREADS" -T "$seconds" \
        -D project="$PROJECT" -D workers="$WORKERS" -D day="$day" -D audited=$audited -f "bench/floors/$script.sql" \
        $([ "$measure" = 1 ] && echo "-l --log-prefix=$log_prefix") postgres 2>&1) \
        || { echo "pgbench $name failed: $out" >&2; exit 1; }
    after=$(cpu_ticks)
    [ "$measure" = 1 ] || return 0
    local tps failed
    tps=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1)
    failed=$(echo "$out" | sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p')
    # each log line: client, transaction number, latency in microseconds, ...
    cat "$log_prefix".* | awk '{ print $3 }' | sort -n | awk -v conns="$conns" -v name="$name" -v tps="$tps" \
        -v seconds="$seconds" -v failed="${failed:-0}" -v cpu="$(cpu_share "$before" "$after" "$seconds")" \
        '{ l[NR] = $1 } END {
            printf "%d RESULT floor-%s %d %.1f %.1f %.2f %.2f 0 %d %d 0 %s\n", conns, name, NR, seconds, tps,
                l[int(NR * 0.5) + 1] / 1000, l[int(NR * 0.99) + 1] / 1000, NR, failed, cpu }' | tee -a "$RESULTS" >&2
    rm -f "$log_prefix".*
}
for name in repeat first first-audited; do
    floor 32 $name "$WARMUP" 0
    for c in $CONNECTIONS; do
        floor "$c" $name "$SECONDS_EACH" 1
    done
done

echo
echo "=== Device API from outside: wrk ($THREADS threads), ${SECONDS_EACH} s each after ${WARMUP} s of warm-up, $WORKERS insured workers, one token ==="
echo "$(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v insert_ms="$insert_ms" -v inserts="$inserts" '
function ceiling(c, floor,    cpu) {
    cpu = 1 / (apppart[c, "ping"] + pgpart[c, floor])
    return cpu < rps[c, floor] ? cpu : rps[c, floor]
}
function row(label, c, m) {
    printf "| %-44s | %4d | %10.0f | %8.2f | %8.2f | %s | %s |\n", label, c, rps[c, m], p50[c, m], p99[c, m],
        answers[c, m], cpu[c, m]
}
{
    c = $1; m = $3; rps[c, m] = $6; p50[c, m] = $7; p99[c, m] = $8
    answers[c, m] = m ~ /^floor-/ ? sprintf("%d transactions, %d failed", $10, $11) \
        : sprintf("%d × 201, %d × 200/204, %d other", $9, $10, $11)
    items[c, m] = $12; secs[c, m] = $5
    cpu[c, m] = NF >= 15 ? sprintf("%d / %d / %d", $13, $14, $15) : "-"
    # the share of the machine one request takes: the part of the application and the client (wrk), the part of PostgreSQL
    apppart[c, m] = ($13 + $15) / 100 / $6; pgpart[c, m] = $14 / 100 / $6
    if (!(c in seen)) { seen[c] = 1; order[++levels] = c }
}
END {
    print "| endpoint | connections | requests/s | p50 ms | p99 ms | answers | CPU % app / PostgreSQL / client |"
    print "| --- | --- | --- | --- | --- | --- | --- |"
    for (i = 1; i <= levels; i++) {
        c = order[i]; if (c == 1) continue
        row("GET /actuator/health/liveness (floor)", c, "health")
        row("GET /api/v1/ping (no-op behind the token)", c, "ping")
        row("POST /api/v1/punches, first sign-ins", c, "first")
        row("POST /api/v1/punches, repeats", c, "repeat")
        row("pgbench: the query of a repeat alone", c, "floor-repeat")
        row("pgbench: the writes of a first sign-in alone", c, "floor-first")
        row("pgbench: the same with its audit row (chain)", c, "floor-first-audited")
    }
    print ""
    print "| connections | first / no-op rate | first p99 / no-op p99 | repeats / no-op rate | repeats p99 / no-op p99 | no-op / health rate | first / its writes alone | repeats / their query alone | writes alone (with audit) / no-op | query alone / no-op |"
    print "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    for (i = 1; i <= levels; i++) {
        c = order[i]; if (c == 1) continue
        printf "| %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n", c,
            rps[c, "first"] / rps[c, "ping"], p99[c, "first"] / p99[c, "ping"],
            rps[c, "repeat"] / rps[c, "ping"], p99[c, "repeat"] / p99[c, "ping"], rps[c, "ping"] / rps[c, "health"],
            rps[c, "first"] / rps[c, "floor-first-audited"], rps[c, "repeat"] / rps[c, "floor-repeat"],
            rps[c, "floor-first-audited"] / rps[c, "ping"], rps[c, "floor-repeat"] / rps[c, "ping"]
    }
    print ""
    # The ceiling of an endpoint on these cores, where the application and PostgreSQL share them: a request costs at
    # least what the no-op costs the application and the client, plus what the database alone spends on its
    # statements (the CPU of PostgreSQL in the pgbench run, not of pgbench); and it is never faster than the database
    # alone. (No apostrophes in this awk program: it is quoted for the shell.)
    print "| connections | first sign-ins: ceiling on these cores (requests/s) | ceiling / no-op | measured / ceiling | repeats: ceiling on these cores (requests/s) | ceiling / no-op | measured / ceiling |"
    print "| --- | --- | --- | --- | --- | --- | --- |"
    for (i = 1; i <= levels; i++) {
        c = order[i]; if (c == 1) continue
        cf = ceiling(c, "floor-first-audited"); cr = ceiling(c, "floor-repeat")
        printf "| %d | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f |\n", c, cf, cf / rps[c, "ping"], rps[c, "first"] / cf,
            cr, cr / rps[c, "ping"], rps[c, "repeat"] / cr
    }
    print ""
    if ((32, "first") in rps) {
        f = rps[32, "first"] / rps[32, "ping"]; fp = p99[32, "first"] / p99[32, "ping"]; r = rps[32, "repeat"] / rps[32, "ping"]
        printf "targets at 32 connections: first sign-ins >= 0.5 of the no-op rate: %.2f %s; p99 <= 1.5x the no-op p99: %.2f %s; repeats >= 0.7: %.2f %s\n",
            f, (f >= 0.5 ? "met" : "MISSED"), fp, (fp <= 1.5 ? "met" : "MISSED"), r, (r >= 0.7 ? "met" : "MISSED")
        printf "the database alone at 32 connections (pgbench, no HTTP, no Java): a first sign-in'"'"'s writes with the audit row %.2f of the no-op rate, the repeat'"'"'s query %.2f\n",
            rps[32, "floor-first-audited"] / rps[32, "ping"], rps[32, "floor-repeat"] / rps[32, "ping"]
        cf = ceiling(32, "floor-first-audited") / rps[32, "ping"]; cr = ceiling(32, "floor-repeat") / rps[32, "ping"]
        printf "what these cores allow at 32 connections (the ceilings above): first sign-ins at most %.2f of the no-op rate (target 0.5: %s), repeats at most %.2f (target 0.7: %s)\n",
            cf, (cf >= 0.5 ? "within reach" : "beyond this machine"), cr, (cr >= 0.7 ? "within reach" : "beyond this machine")
    }
    api = items[1, "batch"] / secs[1, "batch"]; sqlrate = inserts * 1000 / (insert_ms / 1000)
    printf "batch endpoint (1,000 new sign-ins a request, 1 connection): %.0f items/s, p50 %.0f ms, p99 %.0f ms a batch (%s)\n",
        api, p50[1, "batch"], p99[1, "batch"], answers[1, "batch"]
    printf "bulk INSERT of the same rows (psql, %d x 1,000 rows, one statement each): %.0f rows/s; ratio batch / INSERT %.3f\n",
        inserts, sqlrate, api / sqlrate
}' "$RESULTS"
if [ -n "${BENCH_PROFILE:-}" ]; then
    for recording in target/bench-"$BENCH_PROFILE"-*.jfr; do
        echo
        java bench/JfrSummary.java "$recording"
    done
fi
