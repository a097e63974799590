-- POSTs complete, valid submissions of the peer's one-page survey, CSRF protection on: every request
-- reuses one csrftoken cookie and masked form token that bench/peer.py fetched (Django accepts a pair
-- again and again). The answers vary, so no layer can cache. A 302 to the app's confirmation page
-- (sent after the response is saved) is acknowledged. Figures come out as bench/wrk/report.lua's line.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
local function split(s) local t = {} for v in s:gmatch("[^,]+") do table.insert(t, v) end return t end
local radios, texts = split(os.getenv("BENCH_PEER_RADIOS")), split(os.getenv("BENCH_PEER_TEXTS"))
local choices = split(os.getenv("BENCH_PEER_CHOICES"))
local token, cookie = os.getenv("BENCH_PEER_CSRF_TOKEN"), os.getenv("BENCH_PEER_CSRF_COOKIE")
local sentences = {"More+worked+examples+please", "Shorter+sessions", "Nothing+to+add", "A+glossary+would+help"}
local sent = 0

local original_setup = setup
function setup(thread)
    original_setup(thread)
    thread:set("id", #bench_threads)
    thread:set("acknowledged", 0)
end

function init(args)
    math.randomseed(tonumber(wrk.thread:get("id")) * 7919 + os.time())
end

function request()
    sent = sent + 1
    local parts = {"csrfmiddlewaretoken=" .. token}
    for _, field in ipairs(radios) do table.insert(parts, field .. "=" .. choices[math.random(#choices)]) end
    for _, field in ipairs(texts) do
        table.insert(parts, field .. "=" .. sentences[math.random(#sentences)] .. "+" .. sent)
    end
    return wrk.format("POST", nil, {["Content-Type"] = "application/x-www-form-urlencoded",
                                    ["Cookie"] = "csrftoken=" .. cookie}, table.concat(parts, "&"))
end

count_acknowledged(function(status, headers)
    return status == 302 and (headers["Location"] or ""):find("/confirm/") ~= nil
end)
