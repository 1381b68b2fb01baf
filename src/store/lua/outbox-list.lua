-- Outbox list: KEYS the lane's ready set; ARGV base, lane prefix, state (pending | sent | failed).
-- The lane's deliveries in the order their entries were written; pending ones are the
-- never-claimed `fresh` list and the claimed `ready` set.
local P = B .. ARGV[2]
local state = ARGV[3]
local sets = { P .. state }
if state == 'pending' then sets = { KEYS[1] } end
local ids = {}
for _, set in ipairs(sets) do
  for _, id in ipairs(redis.call('ZRANGE', set, 0, -1)) do ids[#ids + 1] = id end
end
if state == 'pending' then
  for _, id in ipairs(redis.call('LRANGE', P .. 'fresh', 0, -1)) do ids[#ids + 1] = id end
end
local rows = {}
for first = 1, #ids, 1000 do
  local chunk = { unpack(ids, first, math.min(first + 999, #ids)) }
  local jsons, ns = {}, {}
  for i, value in ipairs(redis.call('HMGET', B .. 'ob:entry', unpack(chunk))) do
    local n, payload = string.match(value, '^(%d+)|(.*)$')
    ns[i], jsons[i] = tonumber(n), entry_json(chunk[i], payload)
  end
  for i, json in ipairs(with_delivery(P, chunk, jsons)) do rows[#rows + 1] = { ns[i], json } end
end
table.sort(rows, function(a, b) return a[1] < b[1] end)
local out = {}
for i, row in ipairs(rows) do out[i] = row[2] end
return out
