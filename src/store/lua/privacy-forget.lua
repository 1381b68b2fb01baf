-- forget: KEYS seats; ARGV base, registration id, reason. After a cancel at the person's request:
-- blanks their personal fields in every outbox entry about the registration and in every kept
-- command result that holds it; pending deliveries of those entries are withdrawn (`reason`).
-- Returns how many entries and results were blanked.
local id, reason = ARGV[2], ARGV[3]
local about = '"registration":{"id":"' .. id .. '"'
local blanked = 0
local flat = redis.call('HGETALL', B .. 'ob:entry')
for i = 1, #flat, 2 do
  local entry_id = flat[i]
  local n, payload = string.match(flat[i + 1], '^(%d+)|(.*)$')
  payload = full_payload(entry_id, payload)
  if string.find(payload, about, 1, true) then
    local clean = blank_json(payload)
    if clean ~= payload then blanked = blanked + 1 end
    redis.call('HSET', B .. 'ob:entry', entry_id, n .. '|' .. clean)
    withdraw(entry_id, n, reason)
  end
end
for _, key in ipairs(event_keys('idem:*')) do
  local value = redis.call('GET', key)
  if value and string.find(value, '"id":"' .. id .. '"', 1, true) then
    local clean = blank_json(value)
    if clean ~= value then
      redis.call('SET', key, clean)
      blanked = blanked + 1
    end
  end
end
return blanked
