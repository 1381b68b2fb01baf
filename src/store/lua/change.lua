-- changeSession: KEYS seats, idempotency; ARGV base, at, key, registration id, new session,
-- index of its series (1-based; 0 when the session does not exist).
local stored = redis.call('GET', KEYS[2])
if stored then return stored end
local at, key = ARGV[2], ARGV[3]
local r = load_rec(ARGV[4])
if not r then return remember('{"ok":false,"reason":"not_found"}') end
local new, index = tonumber(ARGV[5]), tonumber(ARGV[6])
local list = session_list(r.sessions)
local released = list[index]
if index == 0 or not released then return remember('{"ok":false,"reason":"invalid_session"}') end
if released == new then return remember('{"ok":false,"reason":"unchanged"}') end

local s = load_seats()
if r.status == 'confirmed' then
  -- Take the new seat before releasing the old one: a full session leaves everything as it was.
  if not s.cap[new] or s.taken[new] >= s.cap[new] then
    return remember('{"ok":false,"reason":"session_full","sessionNumbers":[' .. new .. ']}')
  end
  s.taken[new] = s.taken[new] + 1
  s.taken[released] = s.taken[released] - 1
end
local previous = r.sessions
list[index] = new
r.sessions, r.updated_at = table.concat(list, ','), at
if r.status == 'waitlisted' then
  wl_remove(r.id, previous)
  wl_add(r.id, r.seq, r.sessions)
end
save_rec(r)
outbox_add('change', key, 'session_changed', r.id, rec_to_json(r), previous, at)
local promoted = promote(s, 'change', key, at)
save_seats(s)
return remember('{"ok":true,"registration":' .. rec_to_json(load_rec(r.id)) .. ',"previousSessions":[' .. previous
  .. '],' .. movements({}, promoted) .. '}')
