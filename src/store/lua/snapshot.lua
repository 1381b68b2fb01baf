-- snapshot: KEYS seats; ARGV base. Counters, waiting lists and every registration in seq
-- order, read in one atomic step so that the invariants can be checked on it.
local ids = {}
for _, set in ipairs({ 'confirmed', 'wl' }) do
  local flat = redis.call('ZRANGE', B .. set, 0, -1, 'WITHSCORES')
  for i = 1, #flat, 2 do ids[#ids + 1] = { flat[i], tonumber(flat[i + 1]) } end
end
table.sort(ids, function(a, b) return a[2] < b[2] end)
local records = {}
for _, entry in ipairs(ids) do records[#records + 1] = rec_to_json(load_rec(entry[1])) end
return '{"seats":' .. cjson.encode(redis.call('HGETALL', SEATS)) .. ',"waitlistLength":'
  .. redis.call('ZCARD', B .. 'wl') .. ',"waiting":' .. waiting_json() .. ',"waitlists":' .. waitlists_json()
  .. ',"registrations":[' .. table.concat(records, ',') .. ']}'
