-- wrk script: POST the seed article as text/plain, e.g. from the project root
--   wrk -t2 -c16 -d10s -s bench/post_seed.lua http://127.0.0.1:8000/v1/jobs
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain"
local f = assert(io.open("seeds/us-casualties-mount-in-iraq.txt", "rb"))
wrk.body = f:read("*all")
f:close()
