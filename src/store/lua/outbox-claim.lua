-- Outbox claim: KEYS ready set; ARGV base, worker, limit, lease ms, now ms. Entries whose due time
-- or lease has passed, in the order they were written, each leased to the worker until now + lease.
local now, limit = tonumber(ARGV[5]), tonumber(ARGV[3])
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)
if #ids == 0 or limit <= 0 then return {} end
local due = {}
for first = 1, #ids, 1000 do
  local chunk = { unpack(ids, first, math.min(first + 999, #ids)) }
  local values = redis.call('HMGET', B .. 'ob:entry', unpack(chunk))
  for i, value in ipairs(values) do
    local n, json = string.match(value, '^(%d+)|(.*)$')
    due[#due + 1] = { tonumber(n), chunk[i], json }
  end
end
table.sort(due, function(a, b) return a[1] < b[1] end)
local claimed = {}
local until_ms = now + tonumber(ARGV[4])
for i = 1, math.min(limit, #due) do
  redis.call('ZADD', KEYS[1], until_ms, due[i][2])
  redis.call('HSET', B .. 'ob:lease', due[i][2], ARGV[2])
  claimed[#claimed + 1] = due[i][3]
end
return claimed
