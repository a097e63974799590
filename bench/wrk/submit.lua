-- Submits seeded drafts: each line of BENCH_TOKENS is "cookie-token csrf-token" of a respondent
-- whose answers are complete; each is sent once. A 303 with a receipt cookie is acknowledged.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
local tokens, next_index, step = {}, 1, 1

function init(args)
    local id = tonumber(wrk.thread:get("id"))
    step = tonumber(wrk.thread:get("threads"))
    next_index = id
    for line in io.lines(os.getenv("BENCH_TOKENS")) do table.insert(tokens, line) end
end

local original_setup = setup
function setup(thread)
    original_setup(thread)
    thread:set("id", #bench_threads)
    thread:set("threads", tonumber(os.getenv("BENCH_THREADS")))
    thread:set("acknowledged", 0)
end

function request()
    local line = tokens[next_index]
    if line == nil then
        wrk.thread:stop()
        return wrk.format("GET", "/exit")
    end
    next_index = next_index + step
    local cookie, csrf = line:match("(%S+) (%S+)")
    wrk.headers["Cookie"] = "svf_respondent=" .. cookie
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
    wrk.headers["X-Forwarded-For"] = string.format("198.18.%d.%d", math.random(0, 255), math.random(1, 254))
    return wrk.format("POST", nil, nil, "_csrf=" .. csrf)
end

count_acknowledged(function(status, headers)
    return status == 303 and (headers["Set-Cookie"] or ""):find("svf_receipt=") ~= nil
end)
