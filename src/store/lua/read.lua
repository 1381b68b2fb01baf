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
  id = redis.call('ZREVRANGE', B .. 'owner:' .. value, 0, 0)[1]
end
if not id then return nil end
local r = load_rec(id)
if not r then return nil end
return rec_to_json(r)
