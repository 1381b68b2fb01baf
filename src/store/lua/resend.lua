-- resendConfirmation: KEYS seats, idempotency; ARGV base, at, key, registration id. Changes nothing
-- but the outbox: the registration's confirmation (or waiting-list) entry once more.
local stored = redis.call('GET', KEYS[2])
if stored then return stored end
local at, key = ARGV[2], ARGV[3]
local r = load_rec(ARGV[4])
if not r then return remember('{"ok":false,"reason":"not_found"}') end
local json = rec_to_json(r)
local kind = 'waitlisted'
if r.status == 'confirmed' then kind = 'confirmation' end
outbox_add('resend', key, kind, r.id, json, nil, at)
return remember('{"ok":true,"registration":' .. json .. '}')
