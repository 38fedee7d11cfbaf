-- wrk script: the pass-through read of a subscription (run the gateway with gateway.cache.fresh-for=0s).
--   SUBSCRIPTION_ID=sub_... wrk -t2 -c64 -d10s --latency -s pass-through.lua http://localhost:8080/graphql
-- CUSTOMER=email (default) adds customer { email }; CUSTOMER=none leaves the customer out;
-- any other value is the customer's selection, e.g. CUSTOMER="email isActive".
local id = os.getenv("SUBSCRIPTION_ID") or error("set SUBSCRIPTION_ID to a subscription's gateway ID")
local customer = os.getenv("CUSTOMER") or "email"
local nested = customer == "none" and "" or (" customer { " .. customer .. " }")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query":"{ subscription(id: \\"' .. id .. '\\") { id status amount { amount currency }' .. nested .. ' } }"}'
