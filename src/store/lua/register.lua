-- register: KEYS seats, idempotency; ARGV base, at, key, valid, email key, new id, sessions ('3,7'),
-- waitlistIfFull, registrant JSON, owner. The hot path: O(sessions) reads and writes, no scans;
-- it never promotes, because after every command no waiting entry fits (seat-ledger-rules.ts, rule 3).
local stored = redis.call('GET', KEYS[2])
if stored then return stored end
local at, key = ARGV[2], ARGV[3]
if ARGV[4] ~= '1' then return remember('{"ok":false,"reason":"invalid_sessions"}') end
local email_key = ARGV[5]
local existing = redis.call('HGET', B .. 'email', email_key)
if existing then
  return remember('{"ok":false,"reason":"email_taken","registrationId":' .. cjson.encode(existing) .. '}')
end

local sessions = ARGV[7]
local list = session_list(sessions)
local fields = { 'vcap', 'vtaken' }
for _, n in ipairs(list) do
  fields[#fields + 1] = 'c' .. n
  fields[#fields + 1] = 't' .. n
end
local v = redis.call('HMGET', SEATS, unpack(fields))
if not v[1] then return redis.error_reply('BALIE_UNINITIALISED seat counters missing') end
local shortage
if tonumber(v[2]) >= tonumber(v[1]) then
  shortage = '"reason":"venue_full"'
else
  local full = {}
  for i, n in ipairs(list) do
    local cap, taken = tonumber(v[1 + 2 * i]), tonumber(v[2 + 2 * i])
    if not cap or taken >= cap then full[#full + 1] = n end
  end
  if #full > 0 then shortage = '"reason":"session_full","sessionNumbers":[' .. table.concat(full, ',') .. ']' end
end
if shortage and ARGV[8] ~= '1' then return remember('{"ok":false,' .. shortage .. '}') end

local id, data, owner = ARGV[6], ARGV[9], ARGV[10]
local seq = redis.call('INCR', B .. 'seq')
local status = 'confirmed'
if shortage then status = 'waitlisted' end
redis.call('SET', B .. 'reg:' .. id, rec_string(status, seq, sessions, at, at, email_key, data))
if shortage then
  wl_add(id, seq, sessions)
else
  -- One HSET of the counters read above, instead of an HINCRBY per counter.
  local counts = { 'vtaken', tonumber(v[2]) + 1 }
  for i, n in ipairs(list) do
    counts[#counts + 1] = 't' .. n
    counts[#counts + 1] = tonumber(v[2 + 2 * i]) + 1
  end
  redis.call('HSET', SEATS, unpack(counts))
  redis.call('ZADD', B .. 'confirmed', seq, id)
end
redis.call('HSET', B .. 'email', email_key, id)
redis.call('ZADD', B .. 'owner:' .. owner, seq, id)
local json = rec_json(id, status, seq, sessions, at, at, data)
local kind = 'confirmation'
if shortage then kind = 'waitlisted' end
outbox_add('register', key, kind, id, json, nil, at)
-- The caller holds the registrant it sent; a fresh success answers only what the script decided.
-- A retry gets the stored first result in full.
remember('{"ok":true,"registration":' .. json .. '}')
return 'fresh:' .. status .. ':' .. seq
