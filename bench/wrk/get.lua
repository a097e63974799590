-- GET one path (wrk's URL) over and over, with a client address from the benchmarking block
-- so the server sees many clients behind its trusted proxy, as behind Caddy.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")

function request()
    wrk.headers["X-Forwarded-For"] = string.format("198.18.%d.%d", math.random(0, 255), math.random(1, 254))
    return wrk.format("GET")
end

function done(summary, latency, requests)
    summary_line(summary, latency)
end
