-- wrk script for bench/load.py: cycles through the request paths listed in the file named by
-- CCHC_LOAD_PATHS (one per line) and prints the figures as one JSON line when done.
local paths = {}
local counter = 0

function init(args)
  for line in io.lines(os.getenv("CCHC_LOAD_PATHS")) do
    paths[#paths + 1] = line
  end
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, ' ..
    '"connect_errors": %d, "read_errors": %d, "write_errors": %d, "timeouts": %d, "non_2xx": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3, errors.connect, errors.read, errors.write,
    errors.timeout, errors.status))
end
