-- wrk script for bench/api.py: requests the paths given after `--` in turn, with a bearer
-- token (or "-" for none), and prints the figures as one JSON line.
--   wrk ... -s bench/wrk_paths.lua URL -- METHOD TOKEN PATH...
local method
local paths = {}
local issued = 0

function init(args)
  method = args[1]
  if args[2] ~= "-" then
    wrk.headers["Authorization"] = "Bearer " .. args[2]
  end
  for i = 3, #args do
    paths[#paths + 1] = args[i]
  end
end

function request()
  issued = issued + 1
  return wrk.format(method, paths[((issued - 1) % #paths) + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"calls": %d, "microseconds": %d, "socket_errors": %d, "status_errors": %d, ' ..
    '"p50": %d, "p90": %d, "p99": %d, "max": %d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
