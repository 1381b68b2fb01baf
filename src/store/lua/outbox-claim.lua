-- Outbox claim: KEYS the lane's ready set; ARGV base, lane prefix (after the base: 'ob:' for mail,
-- 'ob:chat:<channel>:' for a chat lane), worker, limit, lease ms, now ms. Due deliveries in the
-- order their entries were written: the head of the lane's `fresh` list merged with the entries of
-- its `ready` set whose retry time or lease has passed. Each is leased to the worker until now + lease.
local P = B .. ARGV[2]
local now, limit = tonumber(ARGV[6]), tonumber(ARGV[4])
if limit <= 0 then return {} end
local fresh_key = P .. 'fresh'
local candidates = {}
local function collect(ids, from_fresh)
  if #ids == 0 then return end
  local values = redis.call('HMGET', B .. 'ob:entry', unpack(ids))
  for i, value in ipairs(values) do
    local n, json = string.match(value, '^(%d+)|(.*)$')
    candidates[#candidates + 1] = { tonumber(n), ids[i], json, from_fresh }
  end
end
collect(redis.call('LRANGE', fresh_key, 0, limit - 1), true)
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)
for first = 1, #due, 1000 do collect({ unpack(due, first, math.min(first + 999, #due)) }, false) end
table.sort(candidates, function(a, b) return a[1] < b[1] end)
local ids, claimed, from_fresh = {}, {}, 0
local until_ms = now + tonumber(ARGV[5])
for i = 1, math.min(limit, #candidates) do
  local c = candidates[i]
  -- Fresh entries are taken in list order, so the ones claimed are a prefix of the list.
  if c[4] then from_fresh = from_fresh + 1 end
  redis.call('ZADD', KEYS[1], until_ms, c[2])
  redis.call('HSET', P .. 'lease', c[2], ARGV[3])
  ids[#ids + 1] = c[2]
  claimed[#claimed + 1] = entry_json(c[2], c[3])
end
if from_fresh > 0 then redis.call('LPOP', fresh_key, from_fresh) end
return with_delivery(P, ids, claimed)
