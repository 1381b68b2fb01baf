-- Personal data in stored text (privacy.ts, personalFields): prepended to the privacy scripts,
-- after records.lua and common.lua. JSON is edited as text, not through cjson, which would turn
-- an empty array into an object and change what the TypeScript side reads.
local PERSONAL = { 'firstName', 'lastName', 'email', 'phone', 'organisation', 'owner', 'street', 'postalCode', 'city', 'country', 'dataExport' }

-- The position of the quote that closes the JSON string whose text starts at `from`.
local function string_end(s, from)
  local i = from
  while true do
    local q = string.find(s, '["\\]', i)
    if not q then return nil end
    if string.byte(s, q) == 92 then i = q + 2 else return q end
  end
end

-- `s` with the string value of every personal field blanked, at any depth.
local function blank_json(s)
  for _, field in ipairs(PERSONAL) do
    local needle = '"' .. field .. '":"'
    local out, pos = {}, 1
    while true do
      local a, b = string.find(s, needle, pos, true)
      if not a then break end
      local close = string_end(s, b + 1)
      if not close then break end
      out[#out + 1] = string.sub(s, pos, b)
      pos = close
    end
    out[#out + 1] = string.sub(s, pos)
    s = table.concat(out)
  end
  return s
end

-- The key prefixes of every outbox lane: mail, and the chat lane of each channel with a notifier.
local function lane_prefixes()
  local prefixes = { B .. 'ob:' }
  for _, channel in ipairs(redis.call('SMEMBERS', B .. 'ob:chats')) do prefixes[#prefixes + 1] = B .. 'ob:chat:' .. channel .. ':' end
  return prefixes
end

-- Records every still pending delivery of entry `id` (write order `n`) as failed with `reason`,
-- so that no worker sends a blanked entry; one holding it now may still mark it sent.
local function withdraw(id, n, reason)
  for _, P in ipairs(lane_prefixes()) do
    local pending = redis.call('LREM', P .. 'fresh', 0, id) > 0
    if redis.call('ZREM', P .. 'ready', id) > 0 then pending = true end
    if pending then
      redis.call('HDEL', P .. 'lease', id)
      redis.call('ZADD', P .. 'failed', n, id)
      redis.call('HSET', P .. 'error', id, reason)
    end
  end
end

-- Every key of this event matching `glob` after the base (SCAN, never outside the event's prefix).
local function event_keys(glob)
  local pattern = string.gsub(B, '[%*%?%[%]\\]', '\\%0') .. glob
  local keys, cursor = {}, '0'
  repeat
    local reply = redis.call('SCAN', cursor, 'MATCH', pattern, 'COUNT', 1000)
    cursor = reply[1]
    for _, k in ipairs(reply[2]) do keys[#keys + 1] = k end
  until cursor == '0'
  return keys
end

-- An outbox entry's payload in full: register.lua's small form is built from the registration
-- while it exists (a cancelled one's was made full before it went, see detach_register).
local function full_payload(entry_id, payload)
  if string.byte(payload, 1) ~= 64 then return payload end
  local id = string.match(payload, '|([^|]*)$')
  if not load_rec(id) then return payload end
  return entry_json(entry_id, payload)
end

-- Gives entry `old` (write order `n`) the id `new` in the entry hash and in every lane, keeping its
-- place and delivery state: an entry id holds the command key it came from, which may name a chat user.
local function rename_entry(old, new, n, payload)
  local json = payload
  local head = '{"id":' .. cjson.encode(old)
  if string.sub(json, 1, #head) == head then json = '{"id":' .. cjson.encode(new) .. string.sub(json, #head + 1) end
  redis.call('HDEL', B .. 'ob:entry', old)
  redis.call('HSET', B .. 'ob:entry', new, n .. '|' .. json)
  for _, P in ipairs(lane_prefixes()) do
    local fresh = P .. 'fresh'
    if redis.call('LPOS', fresh, old) then redis.call('LSET', fresh, redis.call('LPOS', fresh, old), new) end
    for _, set in ipairs({ 'ready', 'sent', 'failed' }) do
      local score = redis.call('ZSCORE', P .. set, old)
      if score then
        redis.call('ZREM', P .. set, old)
        redis.call('ZADD', P .. set, score, new)
      end
    end
    for _, hash in ipairs({ 'lease', 'attempts', 'error' }) do
      local value = redis.call('HGET', P .. hash, old)
      if value then
        redis.call('HDEL', P .. hash, old)
        redis.call('HSET', P .. hash, new, value)
      end
    end
  end
end
