-- read: KEYS seats; ARGV base, mode (id | email | owner | owned | availability | waitlists), value.
-- One registration as JSON (or nil), every registration of an owner as a JSON array in seq order
-- (owned), the counters with the waiting-list lengths, or every waiting list.
local mode, value = ARGV[2], ARGV[3]
if mode == 'availability' then
  return '{"seats":' .. cjson.encode(redis.call('HGETALL', SEATS)) .. ',"waitlistLength":'
    .. redis.call('ZCARD', B .. 'wl') .. ',"waiting":' .. waiting_json() .. '}'
end
if mode == 'waitlists' then return waitlists_json() end
if mode == 'owned' then
  -- The owner index of register.lua: one registration in `owners`, the others in `owner:<owner>`.
  local ids = redis.call('ZRANGE', B .. 'owner:' .. value, 0, -1)
  local first = redis.call('HGET', B .. 'owners', value)
  if first then ids[#ids + 1] = first end
  local owned = {}
  for _, id in ipairs(ids) do
    local r = load_rec(id)
    if r then owned[#owned + 1] = r end
  end
  table.sort(owned, function(a, b) return a.seq < b.seq end)
  for i, r in ipairs(owned) do owned[i] = rec_to_json(r) end
  return '[' .. table.concat(owned, ',') .. ']'
end
local id = value
if mode == 'email' then
  id = redis.call('HGET', B .. 'email', value)
elseif mode == 'owner' then
  -- The owner index of register.lua: the first registration in `owners`, later ones by seq.
  local first = redis.call('HGET', B .. 'owners', value)
  local later = redis.call('ZREVRANGE', B .. 'owner:' .. value, 0, 0, 'WITHSCORES')
  local first_rec = first and load_rec(first)
  id = first
  if later[1] and (not first_rec or tonumber(later[2]) > first_rec.seq) then id = later[1] end
end
if not id then return nil end
local r = load_rec(id)
if not r then return nil end
return rec_to_json(r)
