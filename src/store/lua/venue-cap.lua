-- setVenueCap: KEYS seats, idempotency; ARGV base, at, key, cap ('' when invalid).
-- Lowering bumps the latest confirmed (LIFO); raising promotes the waiting list (FIFO).
local stored = redis.call('GET', KEYS[2])
if stored then return stored end
local at, key = ARGV[2], ARGV[3]
if ARGV[4] == '' then return remember('{"ok":false,"reason":"invalid_cap"}') end
local s = load_seats()
s.vcap = tonumber(ARGV[4])
local bumped = {}
while s.vtaken > s.vcap do
  local latest = redis.call('ZREVRANGE', B .. 'confirmed', 0, 0)[1]
  if not latest then break end
  bumped[#bumped + 1] = bump(s, load_rec(latest), 'venue-cap', key, at)
end
local promoted = promote(s, 'venue-cap', key, at)
save_seats(s)
return remember('{"ok":true,' .. movements(bumped, promoted) .. '}')
