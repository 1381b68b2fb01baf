-- cancel: KEYS seats, idempotency; ARGV base, at, key, registration id. Frees every seat, forgets
-- the registration (the outbox keeps a copy) and promotes the waiting list in the same step.
local stored = redis.call('GET', KEYS[2])
if stored then return stored end
local at, key = ARGV[2], ARGV[3]
local r = load_rec(ARGV[4])
if not r then return remember('{"ok":false,"reason":"not_found"}') end
local s = load_seats()
if r.status == 'confirmed' then
  move_seats(s, r.sessions, -1)
  redis.call('ZREM', B .. 'confirmed', r.id)
  waits_remove(r.id, r.waits)
else
  redis.call('ZREM', B .. 'wl', r.id)
end
redis.call('HDEL', B .. 'email', r.email_key)
local owner = cjson.decode(r.data).owner
if redis.call('HGET', B .. 'owners', owner) == r.id then redis.call('HDEL', B .. 'owners', owner) end
redis.call('ZREM', B .. 'owner:' .. owner, r.id)
detach_register(r)
redis.call('DEL', B .. 'reg:' .. r.id)
r.updated_at = at
local json = rec_to_json(r)
outbox_add('cancel', key, 'cancelled', r.id, json, nil, at)
local promoted = promote(s, 'cancel', key, at)
save_seats(s)
return remember('{"ok":true,"cancelled":' .. json .. ',' .. movements({}, promoted) .. '}')
