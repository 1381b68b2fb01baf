-- The registration record and the small forms register.lua writes, prepended to every ledger
-- script (register.lua gets only this, common.lua follows for the others: every local function is
-- a closure built on each call, so the hot path carries as few as it can). B is the event's key
-- base, '<prefix>balie:{<eventId>}:'; every key below is derived under its hash tag.
local B = ARGV[1]
local SEATS = B .. 'seats'
-- Every idempotency record starts with the digest of its command (commandDigest in
-- seat-ledger-rules.ts): this many base64url characters, never a '|'.
local DIGEST_LEN = 22

-- The sessions field of a registration: the sessions held (or to hold), and after a ';' the
-- sessions waited for, when there are any ('2,9;4'). A ledger written before per-session waiting
-- lists has no ';' anywhere, so its records read as they are.
local function sessions_field(held, waits)
  if waits == '' then return held end
  return held .. ';' .. waits
end

-- A registration record as JSON: TS merges `registrant` with the ledger's fields.
local function rec_json(id, status, seq, sessions, registered_at, updated_at, data)
  local held, waits = string.match(sessions, '^([%d,]*);?([%d,]*)$')
  local waiting = ''
  if waits ~= '' then waiting = ',"waitingFor":[' .. waits .. ']' end
  return '{"id":"' .. id .. '","status":"' .. status .. '","seq":' .. seq .. ',"sessions":[' .. held .. ']' .. waiting
    .. ',"registeredAt":"' .. registered_at .. '","updatedAt":"' .. updated_at .. '","registrant":' .. data .. '}'
end

-- A registration is one string (cheaper than a hash once the registrant is longer than a
-- listpack value), one field per line: status, seq, sessions, registeredAt, updatedAt, e-mail key,
-- registrant JSON, and last the idempotency key of its register command (the origin, which may
-- hold any character; '' for none). JSON and tidied e-mail keys hold no raw newline.
local function rec_string(status, seq, sessions, registered_at, updated_at, email_key, data, origin)
  return status .. '\n' .. seq .. '\n' .. sessions .. '\n' .. registered_at .. '\n' .. updated_at .. '\n' .. email_key
    .. '\n' .. data .. '\n' .. origin
end

-- A registration record from its stored string. register.lua leaves the seq out (every string it
-- makes costs); it is then the score in `confirmed` or `wl`, where every registration is.
-- `sessions` is what it holds, `waits` what it waits for ('' for nothing).
local function parse_rec(id, value)
  local status, seq, sessions, waits, registered_at, updated_at, email_key, data, origin =
    string.match(value, '^(%a+)\n(%d*)\n([%d,]*);?([%d,]*)\n([^\n]*)\n([^\n]*)\n([^\n]*)\n([^\n]*)\n?(.*)$')
  if seq == '' then seq = redis.call('ZSCORE', B .. 'confirmed', id) or redis.call('ZSCORE', B .. 'wl', id) end
  return { id = id, status = status, seq = tonumber(seq), sessions = sessions, waits = waits, registered_at = registered_at,
    updated_at = updated_at, email_key = email_key, data = data, origin = origin }
end

local function load_rec(id)
  local value = redis.call('GET', B .. 'reg:' .. id)
  if not value then return nil end
  return parse_rec(id, value)
end

local function save_rec(r)
  redis.call('SET', B .. 'reg:' .. r.id,
    rec_string(r.status, r.seq, sessions_field(r.sessions, r.waits), r.registered_at, r.updated_at, r.email_key, r.data, r.origin))
end

local function rec_to_json(r)
  return rec_json(r.id, r.status, r.seq, sessions_field(r.sessions, r.waits), r.registered_at, r.updated_at, r.data)
end

-- The waiting lists, each a sorted set by seq (first come, first served): `wl` of the venue
-- (registrations holding nothing) and `swl:<n>` of session n (confirmed ones waiting for it).
local function wl_add(id, seq)
  redis.call('ZADD', B .. 'wl', seq, id)
end

local function waits_add(id, seq, waits)
  for n in string.gmatch(waits, '%d+') do redis.call('ZADD', B .. 'swl:' .. n, seq, id) end
end

local function waits_remove(id, waits)
  for n in string.gmatch(waits, '%d+') do redis.call('ZREM', B .. 'swl:' .. n, id) end
end

-- The series (its index in the event file, from 1) of every session, as init.lua writes it:
-- session number (a string) -> index (a number).
local function load_series()
  local flat = redis.call('HGETALL', B .. 'series')
  local series_of = {}
  for i = 1, #flat, 2 do series_of[flat[i]] = tonumber(flat[i + 1]) end
  return series_of
end

-- Rule 1 of seat-ledger-rules.ts (seatChoice) for a registration with a venue seat: per series, in
-- series order, a session waited for that has a seat is held instead (the fallback given up); a
-- full one to hold is `full`, or with wait_if_full waited for (a full fallback dropped). `held` and
-- `waits` are lists as stored ('2,9'), `free(n)` says whether session n (a string) has a seat.
-- Returns the lists held and waited for, as stored, and the full ones (numbers as strings).
local function seat_choice(held, waits, series_of, free, wait_if_full)
  local slots, order = {}, {}
  local function slot(n)
    local k = series_of[n] or 0
    if not slots[k] then
      slots[k] = {}
      order[#order + 1] = k
    end
    return slots[k]
  end
  for n in string.gmatch(held, '%d+') do slot(n).held = n end
  for n in string.gmatch(waits, '%d+') do slot(n).wanted = n end
  table.sort(order)
  local out_held, out_waits, full = {}, {}, {}
  for _, k in ipairs(order) do
    local h, w = slots[k].held, slots[k].wanted
    if w and free(w) then
      out_held[#out_held + 1] = w
    else
      if w then out_waits[#out_waits + 1] = w end
      if h then
        if free(h) then out_held[#out_held + 1] = h
        elseif not wait_if_full then full[#full + 1] = h
        elseif not w then out_waits[#out_waits + 1] = h end
      end
    end
  end
  return table.concat(out_held, ','), table.concat(out_waits, ','), full
end

-- A register that succeeded stores neither its result nor its outbox entry in full, only what it
-- decided (`<digest>F|<status>|<seq>|<sessions>|<at>|<id>` and `@<kind>|...` with the same fields;
-- the seq may be empty, see parse_rec): the registrant comes from the registration, which never
-- changes it. Before a registration is forgotten (cancel.lua) both get the full copy, so these
-- always find it; `r` is that registration when the caller has it. The fields start at the first
-- '|' (a digest holds none).
local function fresh_fields(small)
  return string.match(small, '|(%a+)|(%d*)|([%d,;]*)|([^|]*)|(.*)$')
end

local function fresh_registration_json(small, r)
  local status, seq, sessions, at, id = fresh_fields(small)
  r = r or load_rec(id)
  if not r then error({ err = 'BALIE_DANGLING registration ' .. id .. ' is gone' }) end
  if seq == '' then seq = r.seq end
  return rec_json(id, status, seq, sessions, at, at, r.data)
end

local function fresh_result_json(stored, r)
  return '{"ok":true,"registration":' .. fresh_registration_json(stored, r) .. '}'
end

-- An outbox entry's JSON from what `ob:entry` keeps after the write order: the JSON itself, or
-- `@<kind>|<status>|<seq>|<sessions>|<at>|<id>` from register.lua, built here at claim time.
local function entry_json(entry_id, payload, r)
  if string.byte(payload, 1) ~= 64 then return payload end
  local kind, small = string.match(payload, '^@(%a+)(|.*)$')
  local _, _, _, at = fresh_fields(small)
  return '{"id":' .. cjson.encode(entry_id) .. ',"kind":"' .. kind .. '","registration":'
    .. fresh_registration_json(small, r) .. ',"createdAt":"' .. at .. '"}'
end
