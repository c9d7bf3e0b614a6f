-- wrk script: POST a document as text/plain, e.g. from the project root
--   wrk -t2 -c16 -d10s -s bench/post_seed.lua http://127.0.0.1:8000/v1/jobs
-- WRK_BODY names the file to send (default: the seed article); with WRK_MAX_REQUESTS, each
-- thread stops after its share of that many responses.
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain"
local f = assert(io.open(os.getenv("WRK_BODY") or "seeds/us-casualties-mount-in-iraq.txt", "rb"))
wrk.body = f:read("*all")
f:close()

local limit = tonumber(os.getenv("WRK_MAX_REQUESTS") or "0")
local threads = tonumber(os.getenv("WRK_THREADS") or "1")
local seen = 0

function response(status, headers, body)
  seen = seen + 1
  if limit > 0 and seen >= limit / threads then
    wrk.thread:stop()
  end
end
