-- Outbox list: KEYS ready set; ARGV base, state (pending | sent | failed). Entries in write order.
local set = KEYS[1]
if ARGV[2] ~= 'pending' then set = B .. 'ob:' .. ARGV[2] end
local ids = redis.call('ZRANGE', set, 0, -1)
local rows = {}
for first = 1, #ids, 1000 do
  local chunk = { unpack(ids, first, math.min(first + 999, #ids)) }
  for _, value in ipairs(redis.call('HMGET', B .. 'ob:entry', unpack(chunk))) do
    local n, json = string.match(value, '^(%d+)|(.*)$')
    rows[#rows + 1] = { tonumber(n), json }
  end
end
table.sort(rows, function(a, b) return a[1] < b[1] end)
local out = {}
for i, row in ipairs(rows) do out[i] = row[2] end
return out
