-- read: KEYS seats; ARGV base, mode (id | email | owner | availability), value.
-- One registration as JSON (or nil), or the counters and the waiting-list length.
local mode, value = ARGV[2], ARGV[3]
if mode == 'availability' then
  return '{"seats":' .. cjson.encode(redis.call('HGETALL', SEATS)) .. ',"waitlistLength":'
    .. redis.call('ZCARD', B .. 'wl') .. '}'
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
