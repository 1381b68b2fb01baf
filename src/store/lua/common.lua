-- Shared helpers of the scripts that change or read more than one registration, prepended after
-- records.lua (which defines B, SEATS and the record helpers) to every ledger script but register.lua.

-- Rule 4: the first result for (command, key) is kept, with the digest of its command (the last
-- ARGV of every command script) in front, and every script returns it so: the caller compares the
-- digest with its own command's, so that a retry gets the first result and another command under
-- the same key is refused (idempotency_conflict). A script starts with
-- `local stored = redis.call('GET', KEYS[2]) if stored then return stored end`.
local function remember(result)
  local stored = ARGV[#ARGV] .. result
  redis.call('SET', KEYS[2], stored)
  return stored
end

-- Rule 5 of seat-ledger-rules.ts: `<command>:<key>:<kind>:<registration id>`; the write order n is
-- kept in the value, as the `obn` counter times 100 (register.lua numbers the entries of a batch
-- 01-99 after the counter it takes, so it turns no number into a string). The entry is delivered
-- in lanes, each under its own prefix P: the mail lane (P = 'ob:') always, and the chat lane of
-- the owner's channel (P = 'ob:chat:<channel>:') when that channel is in `ob:chats` (the channels
-- with a notifier, written by init.lua). A new delivery joins the lane's P..'fresh' list (in write
-- order, O(1)); once claimed it lives in P..'ready', scored by the time it may be claimed again.
-- `extra` is more of the entry's JSON, ',"name":value...', or nil. An entry naming a session
-- (promoted off, or bumped from, its waiting list) has `:<session>` after its id and `sessionNumber`.
local function outbox_add(command, key, kind, id, registration_json, previous_sessions, at, extra, session_number)
  local entry_id = command .. ':' .. key .. ':' .. kind .. ':' .. id
  local previous = ''
  if previous_sessions then previous = ',"previousSessions":[' .. previous_sessions .. ']' end
  if session_number then
    entry_id = entry_id .. ':' .. session_number
    previous = previous .. ',"sessionNumber":' .. session_number
  end
  local json = '{"id":' .. cjson.encode(entry_id) .. ',"kind":"' .. kind .. '","registration":' .. registration_json
    .. previous .. (extra or '') .. ',"createdAt":"' .. at .. '"}'
  local n = redis.call('HINCRBY', SEATS, 'obn', 1)
  if redis.call('HSETNX', B .. 'ob:entry', entry_id, n .. '00|' .. json) == 1 then
    redis.call('RPUSH', B .. 'ob:fresh', entry_id)
    -- The registrant JSON is built by RedisSeatLedger with `owner` as a key of its own; inside a
    -- JSON string a quote is always escaped, so this matches nothing but that key.
    local channel = string.match(registration_json, '"owner":"([%w_-]+):')
    -- old_email_notice is for the mailbox the registration left (mailOnlyKinds), never the chat.
    if channel and kind ~= 'old_email_notice' and redis.call('SISMEMBER', B .. 'ob:chats', channel) == 1 then
      redis.call('RPUSH', B .. 'ob:chat:' .. channel .. ':fresh', entry_id)
    end
  end
end

-- Entries as claim and list hand them out: each JSON with how its delivery in the lane of prefix P
-- went so far (the failures outbox-settle.lua counted, and the last error), in the order of `ids`.
local function with_delivery(P, ids, jsons)
  if #ids == 0 then return {} end
  local attempts = redis.call('HMGET', P .. 'attempts', unpack(ids))
  local errors = redis.call('HMGET', P .. 'error', unpack(ids))
  local out = {}
  for i, json in ipairs(jsons) do
    local last = 'null'
    if errors[i] then last = cjson.encode(errors[i]) end
    out[i] = string.sub(json, 1, -2) .. ',"attempts":' .. (attempts[i] or '0') .. ',"lastError":' .. last .. '}'
  end
  return out
end

-- Caps and counts of the venue and every session, as numbers (the seq and obn counters stay as they are).
local function load_seats()
  local flat = redis.call('HGETALL', SEATS)
  local s = { cap = {}, taken = {} }
  for i = 1, #flat, 2 do
    local field, value = flat[i], tonumber(flat[i + 1])
    if field == 'vcap' then s.vcap = value
    elseif field == 'vtaken' then s.vtaken = value
    elseif field == 'seq' or field == 'obn' or field == 'model' then -- counters of register.lua and outbox_add, init.lua's version
    elseif string.sub(field, 1, 1) == 'c' then s.cap[tonumber(string.sub(field, 2))] = value
    else s.taken[tonumber(string.sub(field, 2))] = value end
  end
  if not s.vcap then error({ err = 'BALIE_UNINITIALISED seat counters missing' }) end
  return s
end

local function save_seats(s)
  local args = { 'vcap', s.vcap, 'vtaken', s.vtaken }
  for n, cap in pairs(s.cap) do
    args[#args + 1] = 'c' .. n
    args[#args + 1] = cap
    args[#args + 1] = 't' .. n
    args[#args + 1] = s.taken[n]
  end
  redis.call('HSET', SEATS, unpack(args))
end

local function session_list(sessions)
  local list = {}
  for n in string.gmatch(sessions, '%d+') do list[#list + 1] = tonumber(n) end
  return list
end

local function move_seats(s, sessions, delta)
  s.vtaken = s.vtaken + delta
  for _, n in ipairs(session_list(sessions)) do
    if s.taken[n] then s.taken[n] = s.taken[n] + delta end
  end
end

local function free_seat(s)
  return function(n)
    local k = tonumber(n)
    return s.cap[k] ~= nil and s.taken[k] < s.cap[k]
  end
end

-- `list` ('2,9') with the session of series k replaced by `n` (nil: removed), in series order.
local function with_series_session(list, series_of, k, n)
  local out = {}
  for m in string.gmatch(list, '%d+') do
    if series_of[m] ~= k then out[#out + 1] = m end
  end
  if n then out[#out + 1] = tostring(n) end
  table.sort(out, function(a, b) return (series_of[a] or 0) < (series_of[b] or 0) end)
  return table.concat(out, ',')
end

-- The session of series k in `list`, as a number, or nil.
local function in_series(list, series_of, k)
  for m in string.gmatch(list, '%d+') do
    if series_of[m] == k then return tonumber(m) end
  end
  return nil
end

-- Rule 3: while a session has a free seat and someone waiting for it, the lowest-numbered such
-- session promotes the head of its list (who gives up the fallback of that series); then the
-- venue's list, head first, while the venue has a seat (seat_choice, waiting for what is full).
local function promote(s, command, key, at)
  local promoted = {}
  local series_of = load_series()
  local numbers = {}
  for n in pairs(s.cap) do numbers[#numbers + 1] = n end
  table.sort(numbers)
  while true do
    local best_n, best_id
    for _, n in ipairs(numbers) do
      if s.taken[n] < s.cap[n] then
        local head = redis.call('ZRANGE', B .. 'swl:' .. n, 0, 0)[1]
        if head then
          best_n, best_id = n, head
          break
        end
      end
    end
    if not best_n then break end
    local r = load_rec(best_id)
    local k = series_of[tostring(best_n)]
    local fallback = in_series(r.sessions, series_of, k)
    redis.call('ZREM', B .. 'swl:' .. best_n, r.id)
    s.taken[best_n] = s.taken[best_n] + 1
    if fallback then s.taken[fallback] = s.taken[fallback] - 1 end
    r.sessions = with_series_session(r.sessions, series_of, k, best_n)
    r.waits = with_series_session(r.waits, series_of, k, nil)
    r.updated_at = at
    save_rec(r)
    local json = rec_to_json(r)
    outbox_add(command, key, 'promoted', r.id, json, nil, at, nil, best_n)
    promoted[#promoted + 1] = json
  end
  while s.vtaken < s.vcap do
    local head = redis.call('ZRANGE', B .. 'wl', 0, 0)[1]
    if not head then break end
    -- Loaded while still waiting: a record register.lua wrote has its seq only in `wl` (parse_rec).
    local r = load_rec(head)
    redis.call('ZREM', B .. 'wl', r.id)
    local held, waits = seat_choice(r.sessions, r.waits, series_of, free_seat(s), true)
    r.sessions, r.waits, r.status, r.updated_at = held, waits, 'confirmed', at
    move_seats(s, held, 1)
    save_rec(r)
    redis.call('ZADD', B .. 'confirmed', r.seq, r.id)
    waits_add(r.id, r.seq, waits)
    local json = rec_to_json(r)
    outbox_add(command, key, 'promoted', r.id, json, nil, at)
    promoted[#promoted + 1] = json
  end
  return promoted
end

-- Rule 2 for the venue: a confirmed registration loses its seats and waits again, keeping its seq
-- (and what it wants; it leaves the session lists, which are for those with a venue seat).
local function bump(s, r, command, key, at)
  move_seats(s, r.sessions, -1)
  redis.call('ZREM', B .. 'confirmed', r.id)
  waits_remove(r.id, r.waits)
  r.status, r.updated_at = 'waitlisted', at
  save_rec(r)
  wl_add(r.id, r.seq)
  local json = rec_to_json(r)
  outbox_add(command, key, 'bumped', r.id, json, nil, at)
  return json
end

-- Rule 2 for session n: the holder gives it up and waits for it (unless it was a fallback, when
-- it already waits in that series), keeping the venue seat and everything else.
local function bump_session(s, r, n, series_of, command, key, at)
  local k = series_of[tostring(n)]
  s.taken[n] = s.taken[n] - 1
  r.sessions = with_series_session(r.sessions, series_of, k, nil)
  if not in_series(r.waits, series_of, k) then
    r.waits = with_series_session(r.waits, series_of, k, n)
    redis.call('ZADD', B .. 'swl:' .. n, r.seq, r.id)
  end
  r.updated_at = at
  save_rec(r)
  local json = rec_to_json(r)
  outbox_add(command, key, 'bumped', r.id, json, nil, at, nil, n)
  return json
end

-- Every waiting list in its order, as JSON: {"venue":[ids],"sessions":[[n,[ids]],...]}.
local function waitlists_json()
  local series_of = load_series()
  local numbers = {}
  for n in pairs(series_of) do numbers[#numbers + 1] = tonumber(n) end
  table.sort(numbers)
  local function ids(key)
    local out = {}
    for i, id in ipairs(redis.call('ZRANGE', key, 0, -1)) do out[i] = cjson.encode(id) end
    return '[' .. table.concat(out, ',') .. ']'
  end
  local lists = {}
  for i, n in ipairs(numbers) do lists[i] = '[' .. n .. ',' .. ids(B .. 'swl:' .. n) .. ']' end
  return '{"venue":' .. ids(B .. 'wl') .. ',"sessions":[' .. table.concat(lists, ',') .. ']}'
end

-- How many wait for every session, as JSON: [n, count, ...].
local function waiting_json()
  local series_of = load_series()
  local out = {}
  for n in pairs(series_of) do
    out[#out + 1] = n
    out[#out + 1] = redis.call('ZCARD', B .. 'swl:' .. n)
  end
  return '[' .. table.concat(out, ',') .. ']'
end

local function movements(bumped, promoted)
  return '"bumped":[' .. table.concat(bumped, ',') .. '],"promoted":[' .. table.concat(promoted, ',') .. ']'
end

-- Before a registration is forgotten, the small result and outbox entry of its register command
-- (records.lua) get the full copy they would otherwise read from it.
local function detach_register(r)
  if r.origin == '' then return end
  local idem = B .. 'idem:register:' .. r.origin
  local stored = redis.call('GET', idem)
  if stored and string.byte(stored, DIGEST_LEN + 1) == 70 then
    redis.call('SET', idem, string.sub(stored, 1, DIGEST_LEN) .. fresh_result_json(stored, r))
  end
  for _, kind in ipairs({ 'confirmation', 'waitlisted' }) do
    local entry_id = 'register:' .. r.origin .. ':' .. kind .. ':' .. r.id
    local value = redis.call('HGET', B .. 'ob:entry', entry_id)
    if value then
      local n, payload = string.match(value, '^(%d+)|(.*)$')
      if string.byte(payload, 1) == 64 then
        redis.call('HSET', B .. 'ob:entry', entry_id, n .. '|' .. entry_json(entry_id, payload, r))
      end
    end
  end
end
