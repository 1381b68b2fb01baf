-- register: KEYS seats, idempotency; ARGV base, at, key, valid, email key, new id, sessions ('3,7'),
-- waitlistIfFull, registrant JSON, owner. The hot path, so only records.lua goes in front: one read
-- and one write of the seats, no scans, no number turned into a string (each is a sprintf: counts
-- are compared and incremented as the decimal strings Redis keeps), and the registrant written
-- once, into the registration; the idempotency result and the outbox entry keep only what this
-- script decided (records.lua). It never promotes, because after every command no waiting entry
-- fits (seat-ledger-rules.ts, rule 3).
local stored = redis.call('GET', KEYS[2])
if stored then
  if string.byte(stored, 1) == 70 then return fresh_result_json(stored) end
  return stored
end
local at, key = ARGV[2], ARGV[3]
if ARGV[4] ~= '1' then return remember('{"ok":false,"reason":"invalid_sessions"}') end
local email_key, id = ARGV[5], ARGV[6]

-- Counts as the decimal strings Redis keeps (whole, not negative, no leading zero): a shorter one
-- is smaller, equal lengths compare as text. Cheaper than tonumber on each.
local function below(taken, cap)
  local lt, lc = #taken, #cap
  if lt ~= lc then return lt < lc end
  return taken < cap
end

local sessions = ARGV[7]
-- One read of the seats: venue, the seq and outbox counters, then cap and count of each session.
local fields = { 'vcap', 'vtaken', 'seq', 'obn' }
for n in string.gmatch(sessions, '%d+') do
  fields[#fields + 1] = 'c' .. n
  fields[#fields + 1] = 't' .. n
end
local v = redis.call('HMGET', SEATS, unpack(fields))
if not v[1] or not v[3] or not v[4] then return redis.error_reply('BALIE_UNINITIALISED seat counters missing') end
local shortage
if not below(v[2], v[1]) then
  shortage = '"reason":"venue_full"'
else
  local full = {}
  for i = 5, #fields, 2 do
    if not v[i] or not below(v[i + 1], v[i]) then full[#full + 1] = string.sub(fields[i], 2) end
  end
  if #full > 0 then shortage = '"reason":"session_full","sessionNumbers":[' .. table.concat(full, ',') .. ']' end
end
-- The e-mail is claimed and checked in one call (a taken one is refused before a shortage); a
-- refusal for a shortage gives it back.
if redis.call('HSETNX', B .. 'email', email_key, id) == 0 then
  local existing = redis.call('HGET', B .. 'email', email_key)
  return remember('{"ok":false,"reason":"email_taken","registrationId":' .. cjson.encode(existing) .. '}')
end
if shortage and ARGV[8] ~= '1' then
  redis.call('HDEL', B .. 'email', email_key)
  return remember('{"ok":false,' .. shortage .. '}')
end

local data, owner = ARGV[9], ARGV[10]
local seq, n = succ(v[3]), succ(v[4])
-- One write of the seats: the counters read above, each plus one.
local counts = { 'seq', seq, 'obn', n }
local status, kind = 'confirmed', 'confirmation'
if shortage then
  status, kind = 'waitlisted', 'waitlisted'
  wl_add(id, seq, sessions)
else
  counts[5], counts[6] = 'vtaken', succ(v[2])
  for i = 6, #fields, 2 do
    counts[#counts + 1] = fields[i]
    counts[#counts + 1] = succ(v[i])
  end
  redis.call('ZADD', B .. 'confirmed', seq, id)
end
redis.call('HSET', SEATS, unpack(counts))
-- The owner index: an owner's first registration is a field of the `owners` hash (no key of its
-- own), later ones go to the sorted set `owner:<owner>` by seq; read.lua takes the latest of both.
if redis.call('HSETNX', B .. 'owners', owner, id) == 0 then redis.call('ZADD', B .. 'owner:' .. owner, seq, id) end
-- The outbox entry (rule 5 of seat-ledger-rules.ts, as outbox_add in common.lua) and the
-- idempotency result in their small forms.
local small = '|' .. status .. '|' .. seq .. '|' .. sessions .. '|' .. at .. '|' .. id
local entry_id = 'register:' .. key .. ':' .. kind .. ':' .. id
if redis.call('HSETNX', B .. 'ob:entry', entry_id, n .. '|@' .. kind .. small) == 1 then
  redis.call('RPUSH', B .. 'ob:fresh', entry_id)
end
-- The registration and the idempotency result in one call (same hash tag, so also on Cluster).
redis.call('MSET', B .. 'reg:' .. id, rec_string(status, seq, sessions, at, at, email_key, data, key), KEYS[2], 'F' .. small)
-- The caller holds the registrant it sent; a fresh success answers only what the script decided.
-- A retry gets the first result in full.
return 'fresh:' .. status .. ':' .. seq
