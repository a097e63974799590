-- Shared by every wrk script: one JSON line at the end with the rate, latency percentiles,
-- errors and (for submissions) how many were acknowledged with a receipt.
bench_threads = {}  -- global: the scripts that load this file count them too

function setup(thread)
    table.insert(bench_threads, thread)
end

function summary_line(summary, latency)
    local acknowledged = 0
    for _, thread in ipairs(bench_threads) do
        acknowledged = acknowledged + (tonumber(thread:get("acknowledged")) or 0)
    end
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.status + summary.errors.timeout
    io.write(string.format(
        '{"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.3f, "p99_ms": %.3f, "max_ms": %.3f, "errors": %d, "acknowledged": %d}\n',
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors, acknowledged))
end

-- For submission scripts: counts each response `acknowledges(status, headers)` accepts (per thread,
-- added up by summary_line) and prints the summary line when wrk is done.
function count_acknowledged(acknowledges)
    local count = 0
    function response(status, headers, body)
        if acknowledges(status, headers) then count = count + 1 end
        wrk.thread:set("acknowledged", count)
    end
    function done(summary, latency, requests)
        summary_line(summary, latency)
    end
end
