-- purge: KEYS seats; ARGV base, at, reason, '1' for a preview (nothing changes). Blanks every
-- registration down to its status, seq, sessions, organisation type and book yes/no (a unique
-- `<id>@purged.invalid` keeps the e-mail invariant), blanks the outbox entries (withdrawing pending
-- deliveries) and renames them `purged-<write order>` (their ids held command keys, which may name a
-- chat user), deletes the kept command results, the e-mail and owner indexes, and the event's
-- conversation states, turn locks, address book and short-lived values. The anonymous counts are
-- kept in `purged` (the first purge's). Answers what went (or would go), as JSON.
local at, reason, preview = ARGV[2], ARGV[3], ARGV[4] == '1'
local counts = { purgedAt = at, confirmed = 0, waitlisted = 0, sessions = {}, organisationTypes = {}, booksOrdered = 0 }
local people, regs = 0, {}
for _, set in ipairs({ 'confirmed', 'wl' }) do
  for _, id in ipairs(redis.call('ZRANGE', B .. set, 0, -1)) do
    local r = load_rec(id)
    if r then
      local data = cjson.decode(r.data)
      regs[#regs + 1] = { r = r, owner = data.owner }
      if not string.find(r.email_key, '@purged.invalid', 1, true) then people = people + 1 end
      counts[r.status] = counts[r.status] + 1
      local t = tostring(data.organisationType)
      counts.organisationTypes[t] = (counts.organisationTypes[t] or 0) + 1
      if type(data.book) == 'table' then counts.booksOrdered = counts.booksOrdered + 1 end
      if r.status == 'confirmed' then
        for _, n in ipairs(session_list(r.sessions)) do counts.sessions[tostring(n)] = (counts.sessions[tostring(n)] or 0) + 1 end
      end
    end
  end
end
local entries = 0
local flat = redis.call('HGETALL', B .. 'ob:entry')
local cleaned = {}
for i = 1, #flat, 2 do
  local n, payload = string.match(flat[i + 1], '^(%d+)|(.*)$')
  payload = full_payload(flat[i], payload)
  local clean = blank_json(payload)
  if clean ~= payload then entries = entries + 1 end
  cleaned[#cleaned + 1] = { flat[i], n, clean }
end
local results = event_keys('idem:*')
local chat = {}
for _, glob in ipairs({ 'conv:*', 'lock:*', 'kv:*' }) do
  for _, key in ipairs(event_keys(glob)) do chat[#chat + 1] = key end
end
local addresses = redis.call('HLEN', B .. 'addr')
local summary = '{"registrations":' .. people .. ',"outboxEntries":' .. entries .. ',"commandResults":' .. #results
  .. ',"chatData":' .. (#chat + addresses)
if preview then return summary .. '}' end

for _, reg in ipairs(regs) do
  local r = reg.r
  if type(reg.owner) == 'string' and reg.owner ~= '' then redis.call('DEL', B .. 'owner:' .. reg.owner) end
  local purged = r.id .. '@purged.invalid'
  local data = blank_json(r.data)
  local a, b = string.find(data, '"email":""', 1, true)
  if a then data = string.sub(data, 1, a - 1) .. '"email":' .. cjson.encode(purged) .. string.sub(data, b + 1) end
  r.data, r.email_key, r.origin = data, purged, ''
  save_rec(r)
end
for _, entry in ipairs(cleaned) do
  withdraw(entry[1], entry[2], reason)
  local renamed = 'purged-' .. entry[2]
  if entry[1] == renamed then
    redis.call('HSET', B .. 'ob:entry', entry[1], entry[2] .. '|' .. entry[3])
  else
    rename_entry(entry[1], renamed, entry[2], entry[3])
  end
end
for _, key in ipairs(results) do redis.call('DEL', key) end
for _, key in ipairs(chat) do redis.call('DEL', key) end
redis.call('DEL', B .. 'email', B .. 'owners', B .. 'addr')
redis.call('SET', B .. 'purged', cjson.encode(counts), 'NX')
return summary .. ',"counts":' .. redis.call('GET', B .. 'purged') .. '}'
