-- wrk: POST /volumes, a THIN volume of 1 GiB with a uuid and alias of its own per request, with a
-- Bearer session (TOKEN in the environment). Counts answers by status and prints them at the end.
local token = os.getenv("TOKEN")
local counter = 0
local id = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  id = tonumber(wrk.thread:get("id")) or 0
  statuses = {}
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local uuid = string.format("%08x-%04x-4000-8000-%012x", os.time() % 0xffffffff, id, counter)
  local body = '{"alias": "wrk-' .. uuid .. '", "capacity": 1, "uuid": "' .. uuid
      .. '", "provisioningType": "THIN"}'
  return wrk.format("POST", "/volumes", nil, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local all = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for status, count in pairs(s) do
      all[status] = (all[status] or 0) + count
    end
  end
  local line = "statuses:"
  for status, count in pairs(all) do
    line = line .. " " .. status .. "=" .. count
  end
  print(line)
end
