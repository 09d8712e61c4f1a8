-- wrk: POST /volumes, each request a new volume (alias and uuid unique across the wrk processes
-- of a run, their threads and requests), 1 GiB THIN with one replica, in the default tenant, as the
-- Cinder driver creates them. WRK_PROCESS (a number) tells the processes of one run apart; the
-- Authorization header comes from the command line (-H).
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("process", tonumber(os.getenv("WRK_PROCESS") or "1"))
  thread:set("index", threads)
end

local process, index, counter = 0, 0, 0

function init(args)
  process = wrk.thread:get("process")
  index = wrk.thread:get("index")
  -- wrk.format takes these when given no headers of its own: the -H Authorization and the type
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local uuid = string.format("%08x-%04x-4000-8000-%012x", process, index, counter)
  local body = string.format('{"alias": "b-%s", "capacity": 1, "uuid": "%s", "provisioningType": "THIN",'
    .. ' "protocol": "NVMeoF", "storageClass": {"numReplicas": 1}}', uuid, uuid)
  return wrk.format("POST", "/volumes", nil, body)
end

-- wrk counts every status outside 2xx/3xx; the first few are shown, to say why
local shown = 0
function response(status, headers, body)
  if status ~= 201 and shown < 3 then
    shown = shown + 1
    io.stderr:write(string.format("HTTP %d: %s\n", status, body))
  end
end
