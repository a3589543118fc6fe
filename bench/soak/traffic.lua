-- The soak's mixed traffic for wrk: each connection goes round page views, API reads and feeds, posts a test
-- result as the CI account every few requests and submits a new update as alice now and then, waiting
-- SOAK_DELAY_MS between requests so the rate stays a steady trickle rather than as fast as the machine goes.
-- Each connection keeps the session cookie the pages give it, as a browser does, unless cookies are "drop": then
-- every page view comes without one, as from a crawler or a monitor, and opens a new session.
-- Arguments (after --): update alias for the update page, CI token, alice's token, delay in ms, keep|drop.
-- Counts the answers that are not 2xx/3xx per kind and status; prints them at the end as "errors <kind>=<status> <count>".

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local reads = { "/", "/updates.xhtml", "", "/api/v1/updates", "/api/v1/advisories?status=testing",
                "/feeds/F45/testing/updateinfo.xml", "/feeds/atom.xml", "/api/v2.0/results?limit=20" }
local n, last_kind, wait = 0, nil, 100
local alias, ci, alice, keep_cookie, cookie
errors = {}

function init(args)
  alias, ci, alice, wait, keep_cookie = args[1], args[2], args[3], tonumber(args[4]), args[5] ~= "drop"
  reads[3] = "/update.xhtml?alias=" .. alias
end

function delay()
  return wait
end

local function post(path, token, body)
  return wrk.format("POST", path, { ["Authorization"] = "Bearer " .. token,
                                    ["Content-Type"] = "application/json" }, body)
end

function request()
  n = n + 1
  if n % 50 == 0 then
    last_kind = "submit"
    local context = string.format("%02x%06x", id, n)
    return post("/api/v1/updates", alice, string.format([[{"release": "F45", "type": "bugfix", "title": "soak %s",
      "newBuilds": [{"name": "nginx", "stream": "1.24", "version": 4520261201120000, "context": "%s", "arch": "x86_64",
                     "rpms": [{"nevra": "nginx-1.24.0-3.module_f45+3+%s.x86_64"}]}]}]], context, context, context))
  elseif n % 5 == 0 then
    last_kind = "result"
    return post("/api/v2.0/results", ci, string.format([[{"testcase": "soak.tier0", "outcome": "PASSED",
      "data": {"item": "%s", "type": "paddock_update"}, "note": "soak %d-%d"}]], alias, id, n))
  end
  last_kind = reads[n % #reads + 1]
  return wrk.format("GET", last_kind, cookie and { ["Cookie"] = cookie } or {})
end

function response(status, headers, body)
  local set = headers["Set-Cookie"]
  if keep_cookie and set then
    cookie = set:match("^([^;]+)")
  end
  if status >= 400 then
    local key = last_kind .. "=" .. status
    errors[key] = (errors[key] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for kind, count in pairs(thread:get("errors")) do
      total[kind] = (total[kind] or 0) + count
    end
  end
  for kind, count in pairs(total) do
    io.write(string.format("errors %s %d\n", kind, count))
  end
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("socket_errors %d\n", summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout))
  io.write(string.format("latency_p50_ms %.1f\nlatency_p99_ms %.1f\nlatency_max_ms %.1f\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
