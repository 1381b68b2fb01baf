-- register: a batch of registrations (group commit), each decided exactly as if it ran alone, in
-- the order given; later ones see what earlier ones took.
-- KEYS: the seats, then two per registration: its idempotency record (`idem:register:<key>`) and
-- its registration (`reg:<id>`).
-- ARGV: the base, then ten per registration, built by the caller as they are stored when it is
-- confirmed, so that a confirmed registration makes no string here (each one made in Lua costs
-- more than a hash insert, a number turned into one most of all), then the `fresh` lists of the
-- chat lanes (common.lua, outbox_add):
--   flags ('0' sessions invalid, '1' valid, '2' valid and wait if full; after a valid one the
--   digit k of the owner's chat lane, whose list is the k-th after the registrations), e-mail key, sessions
--   ('3,7'), id, owner, the registration string (records.lua) with status confirmed and no seq,
--   the idempotency result's small form after the digest of the command
--   ('<digest>F|confirmed||<sessions>|<at>|<id>'), the confirmation outbox entry's id, and its
--   value after the write order ('|@confirmation|confirmed||...'), and the sessions to wait for
--   ('4', '' for none: the common case, which takes the path that makes no string).
-- The seq is left out of those strings (parse_rec finds it in `confirmed` or `wl`); the write
-- order of the batch's outbox entries is the `obn` counter it takes, then 01-99 (common.lua).
-- The counters, e-mail index, owner index and idempotency records are read in one call each up
-- front, decided in Lua tables, and written in one call each at the end (only the rare waiting
-- and second-of-an-owner registrations write as they go). Every check that can fail comes before
-- the first write, so a batch changes all it decided or nothing.
-- The registrant is written once, into the registration. It never promotes, because after every
-- command no waiting entry fits (seat-ledger-rules.ts, rule 3).
-- A registration that waits for a session (asked, or with wait-if-full for a full one) is decided
-- by seat_choice (records.lua) and makes its strings here; it answers '+' and its sessions field
-- (never the start of a digest, which is base64url).
-- Reply: one per registration, 'c' for a fresh confirmed one, 'w' for a fresh waiting one, or the
-- digest of the command that first used its key followed by the full JSON result (a refusal, or
-- that command's first result; the caller compares the digest with its own, rule 4); then the seq
-- before the batch, from which the caller counts the seq of each fresh one in order.
local count = (#KEYS - 1) / 2
local STRIDE = 10
-- Write order within the batch: string constants, made once when the script is loaded (only this
-- table of them is built per call).
local ORDER = { '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17',
  '18', '19', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31', '32', '33', '34', '35', '36', '37',
  '38', '39', '40', '41', '42', '43', '44', '45', '46', '47', '48', '49', '50', '51', '52', '53', '54', '55', '56', '57',
  '58', '59', '60', '61', '62', '63', '64', '65', '66', '67', '68', '69', '70', '71', '72', '73', '74', '75', '76', '77',
  '78', '79', '80', '81', '82', '83', '84', '85', '86', '87', '88', '89', '90', '91', '92', '93', '94', '95', '96', '97',
  '98', '99' }
if count > #ORDER then return redis.error_reply('BALIE_BATCH_TOO_LARGE at most ' .. #ORDER .. ' registrations') end

-- Reads: idempotency records, then the counters of the venue and of every session named, then the
-- e-mail and owner indexes for every registrant. Each combination of sessions is split once.
local idem_keys, email_keys, owners = {}, {}, {}
local seat_fields, combos = { 'vcap', 'vtaken', 'seq', 'obn' }, {}
for i = 1, count do
  local o = 1 + (i - 1) * STRIDE
  idem_keys[i], email_keys[i], owners[i] = KEYS[2 * i], ARGV[o + 2], ARGV[o + 5]
  local sessions = ARGV[o + 3]
  if not combos[sessions] then
    local numbers = {}
    for n in string.gmatch(sessions, '%d+') do
      numbers[#numbers + 1] = n
      seat_fields[#seat_fields + 1] = 'c' .. n
      seat_fields[#seat_fields + 1] = 't' .. n
    end
    combos[sessions] = numbers
  end
  -- Only a registration that waits pays for the iterator.
  if ARGV[o + 10] ~= '' then
    for n in string.gmatch(ARGV[o + 10], '%d+') do
      seat_fields[#seat_fields + 1] = 'c' .. n
      seat_fields[#seat_fields + 1] = 't' .. n
    end
  end
end
local stored = redis.call('MGET', unpack(idem_keys))
local v = redis.call('HMGET', SEATS, unpack(seat_fields))
if not v[1] or not v[3] or not v[4] then return redis.error_reply('BALIE_UNINITIALISED seat counters missing') end
-- Counters as numbers: Redis turns them back into strings when they are written.
local vcap, vtaken, seq_before = tonumber(v[1]), tonumber(v[2]), v[3]
local seq, obn = tonumber(seq_before), tonumber(v[4]) + 1
-- The write order prefix of this batch's outbox entries: the one number made a string here.
local order_prefix = tostring(obn)
local written = 0
local cap, taken = {}, {}
for j = 5, #seat_fields, 2 do
  local n = string.sub(seat_fields[j], 2)
  cap[n], taken[n] = tonumber(v[j]), tonumber(v[j + 1])
end
local email_of, owner_of = {}, {}
local found = redis.call('HMGET', B .. 'email', unpack(email_keys))
for i = 1, count do email_of[email_keys[i]] = found[i] end
found = redis.call('HMGET', B .. 'owners', unpack(owners))
for i = 1, count do owner_of[owners[i]] = found[i] end

-- What the batch will write, filled in below.
local strings, email_new, owner_new, confirmed, entries, fresh, chat = {}, {}, {}, {}, {}, {}, {}
-- Idempotency key -> the reply of a registration earlier in this batch: a refusal, or the index
-- of a new registration (its full reply is built only for a retry in the same batch).
local decided = {}
local replies = {}
-- Per registration: the strings made for it here (rec, small), on the rare paths.
local made = {}

-- The registration string, small form and outbox entry value of registration i with another status
-- and sessions field (sessions_field in records.lua) than the confirmed ones the caller sent:
-- 'confirmed\n\n' is 11 characters, 'F|confirmed||' 13 after the digest, '|@confirmation|confirmed||' 26.
local function forms(i, status, field)
  local o = 1 + (i - 1) * STRIDE
  local rec, small, entry, sessions = ARGV[o + 6], ARGV[o + 7], ARGV[o + 9], ARGV[o + 3]
  local kind = 'confirmation'
  if status == 'waitlisted' then kind = 'waitlisted' end
  return status .. '\n\n' .. field .. string.sub(rec, 12 + #sessions),
    string.sub(small, 1, DIGEST_LEN) .. 'F|' .. status .. '||' .. field .. string.sub(small, DIGEST_LEN + 14 + #sessions),
    '|@' .. kind .. '|' .. status .. '||' .. field .. string.sub(entry, 27 + #sessions)
end

local series_of
local function has_seat(n)
  local c = cap[n]
  return c ~= nil and taken[n] < c
end

-- A refusal of registration i, kept (and answered) after the digest of its command.
local function refuse(i, reply)
  local idem_key = KEYS[2 * i]
  local stored = string.sub(ARGV[1 + (i - 1) * STRIDE + 7], 1, DIGEST_LEN) .. reply
  strings[#strings + 1] = idem_key
  strings[#strings + 1] = stored
  decided[idem_key] = stored
  return stored
end

local function shortage_of(numbers)
  if vtaken >= vcap then return '"reason":"venue_full"' end
  local full
  for _, n in ipairs(numbers) do
    local c = cap[n]
    if not c or taken[n] >= c then
      full = full or {}
      full[#full + 1] = n
    end
  end
  if full then return '"reason":"session_full","sessionNumbers":[' .. table.concat(full, ',') .. ']' end
  return nil
end

local function register(i)
  local idem_key = KEYS[2 * i]
  local earlier = decided[idem_key]
  if earlier then
    if type(earlier) == 'number' then
      -- Not written yet: its record from its arguments and what this batch decided.
      local o = 1 + (earlier - 1) * STRIDE
      local rec, small = ARGV[o + 6], ARGV[o + 7]
      if made[earlier] then rec, small = made[earlier][1], made[earlier][2] end
      local r = parse_rec(ARGV[o + 4], rec)
      r.seq = tonumber(seq_before)
      for k = 1, earlier do
        -- Fresh replies are 'c', 'w' or '+<sessions>'; a refusal or a retry starts with a digest.
        local fresh = replies[k]
        if fresh == 'c' or fresh == 'w' or string.byte(fresh, 1) == 43 then r.seq = r.seq + 1 end
      end
      return string.sub(small, 1, DIGEST_LEN) .. fresh_result_json(small, r)
    end
    return earlier
  end
  local prior = stored[i]
  if prior then
    if string.byte(prior, DIGEST_LEN + 1) == 70 then return string.sub(prior, 1, DIGEST_LEN) .. fresh_result_json(prior) end
    return prior
  end
  local o = 1 + (i - 1) * STRIDE
  local flags = ARGV[o + 1]
  if flags == '0' then return refuse(i, '{"ok":false,"reason":"invalid_sessions"}') end
  local sessions = ARGV[o + 3]
  local shortage = shortage_of(combos[sessions])
  -- A taken e-mail is refused before a shortage.
  local email_key = ARGV[o + 2]
  local existing = email_of[email_key]
  if existing then
    return refuse(i, '{"ok":false,"reason":"email_taken","registrationId":' .. cjson.encode(existing) .. '}')
  end
  local waits = ARGV[o + 10]
  local venue_full = vtaken >= vcap
  if shortage and string.byte(flags, 1) ~= 50 and (venue_full or waits == '') then return refuse(i, '{"ok":false,' .. shortage .. '}') end
  local held, waiting, full
  if not venue_full and (shortage or waits ~= '') then
    local wait_if_full = string.byte(flags, 1) == 50
    series_of = series_of or load_series()
    held, waiting, full = seat_choice(sessions, waits, series_of, has_seat, wait_if_full)
    if #full > 0 then return refuse(i, '{"ok":false,"reason":"session_full","sessionNumbers":[' .. table.concat(full, ',') .. ']}') end
  end

  local id, owner = ARGV[o + 4], ARGV[o + 5]
  email_of[email_key] = id
  email_new[#email_new + 1] = email_key
  email_new[#email_new + 1] = id
  seq, written = seq + 1, written + 1
  local rec, small, entry_id, entry, reply = ARGV[o + 6], ARGV[o + 7], ARGV[o + 8], ARGV[o + 9], 'c'
  if venue_full then
    -- The rare paths make their strings.
    local field = sessions_field(sessions, waits)
    rec, small, entry = forms(i, 'waitlisted', field)
    made[i] = { rec, small }
    entry_id = 'register:' .. string.sub(idem_key, #B + 15) .. ':waitlisted:' .. id
    reply = 'w'
    wl_add(id, seq)
  elseif held then
    local field = sessions_field(held, waiting)
    rec, small, entry = forms(i, 'confirmed', field)
    made[i] = { rec, small }
    reply = '+' .. field
    vtaken = vtaken + 1
    for n in string.gmatch(held, '%d+') do taken[n] = taken[n] + 1 end
    confirmed[#confirmed + 1] = seq
    confirmed[#confirmed + 1] = id
    waits_add(id, seq, waiting)
  else
    vtaken = vtaken + 1
    for _, n in ipairs(combos[sessions]) do taken[n] = taken[n] + 1 end
    confirmed[#confirmed + 1] = seq
    confirmed[#confirmed + 1] = id
  end
  -- The owner index: an owner's first registration is a field of the `owners` hash (no key of its
  -- own), later ones go to the sorted set `owner:<owner>` by seq; read.lua takes the latest of both.
  if owner_of[owner] then
    redis.call('ZADD', B .. 'owner:' .. owner, seq, id)
  else
    owner_of[owner] = id
    owner_new[#owner_new + 1] = owner
    owner_new[#owner_new + 1] = id
  end
  -- The outbox entry (rule 5 of seat-ledger-rules.ts, as outbox_add in common.lua), the
  -- registration, and the idempotency result in its small form.
  local n = #entries
  entries[n + 1] = entry_id
  entries[n + 2] = order_prefix .. ORDER[written] .. entry
  fresh[#fresh + 1] = entry_id
  -- The chat lane, by number (string.byte makes no string): '1' is 49.
  if #flags > 1 then
    local lane = string.byte(flags, 2)
    local queue = chat[lane]
    if not queue then
      queue = {}
      chat[lane] = queue
    end
    queue[#queue + 1] = entry_id
  end
  n = #strings
  strings[n + 1] = KEYS[2 * i + 1]
  strings[n + 2] = rec
  strings[n + 3] = idem_key
  strings[n + 4] = small
  decided[idem_key] = i
  return reply
end

for i = 1, count do replies[i] = register(i) end

-- Writes, one call for each kind.
if written > 0 then
  local counts = { 'seq', seq, 'obn', obn, 'vtaken', vtaken }
  for n, t in pairs(taken) do
    counts[#counts + 1] = 't' .. n
    counts[#counts + 1] = t
  end
  redis.call('HSET', SEATS, unpack(counts))
end
if #email_new > 0 then redis.call('HSET', B .. 'email', unpack(email_new)) end
if #owner_new > 0 then redis.call('HSET', B .. 'owners', unpack(owner_new)) end
if #confirmed > 0 then redis.call('ZADD', B .. 'confirmed', unpack(confirmed)) end
if #entries > 0 then
  redis.call('HSET', B .. 'ob:entry', unpack(entries))
  redis.call('RPUSH', B .. 'ob:fresh', unpack(fresh))
  for lane, queue in pairs(chat) do redis.call('RPUSH', ARGV[1 + count * STRIDE + lane - 48], unpack(queue)) end
end
if #strings > 0 then redis.call('MSET', unpack(strings)) end
replies[count + 1] = seq_before
return replies
