-- setSessionCap: KEYS seats, idempotency; ARGV base, at, key, session number, cap ('' when invalid).
-- Lowering moves the latest confirmed holders of the session to its waiting list (a walk down the
-- LIFO order, which only a cap change pays for), keeping all else; raising promotes.
local stored = redis.call('GET', KEYS[2])
if stored then return stored end
local at, key = ARGV[2], ARGV[3]
local s = load_seats()
local n = tonumber(ARGV[4])
if not n or not s.cap[n] then return remember('{"ok":false,"reason":"invalid_session"}') end
if ARGV[5] == '' then return remember('{"ok":false,"reason":"invalid_cap"}') end
s.cap[n] = tonumber(ARGV[5])
local bumped = {}
local series_of = load_series()
if s.taken[n] > s.cap[n] then
  for _, id in ipairs(redis.call('ZREVRANGE', B .. 'confirmed', 0, -1)) do
    if s.taken[n] <= s.cap[n] then break end
    local r = load_rec(id)
    for _, held in ipairs(session_list(r.sessions)) do
      if held == n then
        bumped[#bumped + 1] = bump_session(s, r, n, series_of, 'session-cap', key, at)
        break
      end
    end
  end
end
local promoted = promote(s, 'session-cap', key, at)
save_seats(s)
return remember('{"ok":true,' .. movements(bumped, promoted) .. '}')
