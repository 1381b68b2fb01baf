-- changeSession and changeSeries: KEYS seats, idempotency; ARGV base, at, key, registration id,
-- the index of the series (from 1), the session to hold and the one to wait for ('' for none), and
-- the refusal the caller found in the command itself ('' for none: invalid_session or
-- series_required, remembered after not_found). Rule 1 for one series: take the new seat before
-- releasing the old; with a venue seat a session waited for that has a seat (or is held) is held.
local stored = redis.call('GET', KEYS[2])
if stored then return stored end
local at, key = ARGV[2], ARGV[3]
local r = load_rec(ARGV[4])
if not r then return remember('{"ok":false,"reason":"not_found"}') end
if ARGV[8] ~= '' then return remember('{"ok":false,"reason":"' .. ARGV[8] .. '"}') end
local k, hold, wait = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local series_of = load_series()
local held, waited = in_series(r.sessions, series_of, k), in_series(r.waits, series_of, k)

local s = load_seats()
local confirmed = r.status == 'confirmed'
local function has_seat(n) return s.cap[n] ~= nil and s.taken[n] < s.cap[n] end
if confirmed and wait and (wait == held or has_seat(wait)) then hold, wait = wait, nil end
if hold == held and wait == waited then return remember('{"ok":false,"reason":"unchanged"}') end
if confirmed and hold and hold ~= held then
  if not has_seat(hold) then return remember('{"ok":false,"reason":"session_full","sessionNumbers":[' .. hold .. ']}') end
  s.taken[hold] = s.taken[hold] + 1
  if held then s.taken[held] = s.taken[held] - 1 end
elseif confirmed and not hold and held then
  s.taken[held] = s.taken[held] - 1
end
local previous = r.sessions
if confirmed then waits_remove(r.id, r.waits) end
r.sessions = with_series_session(r.sessions, series_of, k, hold)
r.waits = with_series_session(r.waits, series_of, k, wait)
r.updated_at = at
if confirmed then waits_add(r.id, r.seq, r.waits) end
save_rec(r)
outbox_add(ARGV[9], key, 'session_changed', r.id, rec_to_json(r), previous, at)
local promoted = promote(s, ARGV[9], key, at)
save_seats(s)
return remember('{"ok":true,"registration":' .. rec_to_json(load_rec(r.id)) .. ',"previousSessions":[' .. previous
  .. '],' .. movements({}, promoted) .. '}')
