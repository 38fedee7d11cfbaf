-- wrk script: the benchmark's single-object read (a fresh snapshot) against a running gateway.
--   SUBSCRIPTION_ID=sub_... wrk -t2 -c64 -d10s --latency -s single-subscription.lua http://localhost:8080/graphql
-- Add a header line for a bearer token when gateway.auth.enabled=true.
local id = os.getenv("SUBSCRIPTION_ID") or error("set SUBSCRIPTION_ID to a subscription's gateway ID")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query":"{ subscription(id: \\"' .. id .. '\\") { id status amount { amount currency } } }"}'
