-- wrk script for bench/device-api.sh: one terminal's token, cycling over the project's insured workers.
--   wrk -t <threads> ... -s bench/device-api.lua <url> -- <mode> <first day offset> <threads>
-- mode: health (GET, no token), ping (GET /api/v1/ping with the token), first (sign-ins never sent before:
-- worker, half-day and day all vary, the days from <first day offset> after BENCH_TODAY onward), repeat (the
-- sign-ins of the day <first day offset>, already stored: each answers 200), batch (1,000 new sign-ins a request).
-- Environment: BENCH_TOKEN, BENCH_CODES (worker codes, comma-separated), BENCH_TODAY (yyyy-mm-dd).
-- Prints one line "RESULT <mode> <requests> <seconds> <req/s> <p50 ms> <p99 ms> <201s> <200s> <others> <items>".

local threads = {}
local counter = 0

function setup(thread)
   thread:set("id", counter)
   table.insert(threads, thread)
   counter = counter + 1
end

local base, codes, token, year, month, day, thread_count
local n = 0
-- globals, which done() reads from each thread
mode, created, repeated, others, items = nil, 0, 0, 0, 0
local dates = {}

local function date_after(days)
   local d = dates[days]
   if d == nil then
      d = os.date("%Y-%m-%d", os.time({ year = year, month = month, day = day + days, hour = 12 }))
      dates[days] = d
   end
   return d
end

-- the g-th sign-in: worker g mod W, AM then PM, then the next day
local function punch(g, fixed_day)
   local w = #codes
   local half = math.floor(g / w) % 2
   local offset = fixed_day and base or base + math.floor(g / (2 * w))
   local time = half == 0 and "T07:30:00+08:00" or "T14:30:00+08:00"
   return '{"workerCode":"' .. codes[(g % w) + 1] .. '","punchedAt":"' .. date_after(offset) .. time
      .. '","deviceId":"bench-gate"}'
end

function init(args)
   mode = args[1] or "health"
   base = tonumber(args[2] or "1")
   thread_count = tonumber(args[3] or "1")
   token = os.getenv("BENCH_TOKEN") or ""
   codes = {}
   for code in string.gmatch(os.getenv("BENCH_CODES") or "", "[^,]+") do
      table.insert(codes, code)
   end
   local today = os.getenv("BENCH_TODAY") or os.date("%Y-%m-%d")
   year, month, day = string.match(today, "(%d+)-(%d+)-(%d+)")
   year, month, day = tonumber(year), tonumber(month), tonumber(day)
   wrk.headers["Authorization"] = "Bearer " .. token
   wrk.headers["Content-Type"] = "application/json"
end

function request()
   -- requests of the threads interleave: thread t of T takes every T-th number, so no two threads send the same one
   local g = n * thread_count + id
   n = n + 1
   if mode == "health" then
      return wrk.format("GET", "/actuator/health/liveness", {})
   elseif mode == "ping" then
      return wrk.format("GET", "/api/v1/ping")
   elseif mode == "first" then
      return wrk.format("POST", "/api/v1/punches", nil, punch(g, false))
   elseif mode == "repeat" then
      return wrk.format("POST", "/api/v1/punches", nil, punch(g % (2 * #codes), true))
   else
      local body = {}
      for i = 0, 999 do
         body[#body + 1] = punch(g * 1000 + i, false)
      end
      return wrk.format("POST", "/api/v1/punches/batch", nil, '{"punches":[' .. table.concat(body, ",") .. ']}')
   end
end

function response(status, headers, body)
   if mode == "batch" then
      if status == 200 then
         local _, stored = string.gsub(body, '"status":201', "")
         local _, already = string.gsub(body, '"status":200', "")
         created, repeated, items = created + stored, repeated + already, items + stored + already
         others = others + (1000 - stored - already)
      else
         others = others + 1000
      end
   elseif status == 201 then
      created = created + 1
   elseif status == 200 or status == 204 then
      repeated = repeated + 1
   else
      others = others + 1
   end
end

function done(summary, latency, requests)
   local c201, c200, cother, citems = 0, 0, 0, 0
   for _, thread in ipairs(threads) do
      c201 = c201 + thread:get("created")
      c200 = c200 + thread:get("repeated")
      cother = cother + thread:get("others")
      citems = citems + thread:get("items")
   end
   local seconds = summary.duration / 1e6
   local mode = threads[1]:get("mode")
   io.write(string.format("RESULT %s %d %.1f %.1f %.2f %.2f %d %d %d %d\n", mode, summary.requests, seconds,
      summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, c201, c200,
      cother + summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout, citems))
end
