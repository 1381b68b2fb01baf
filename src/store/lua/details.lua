-- updateDetails: KEYS seats, idempotency; ARGV base, at, key, registration id, '1' when the details
-- are valid (checked by the caller, rule 6 of seat-ledger-rules.ts) else '0', the new e-mail address
-- and its key ('' when it stays), the new book order as JSON ('null' for none; '' when it stays).
-- Seats do not move. The registrant is rewritten, so the small forms its register command left
-- (records.lua) first get their full copy: a retried register still answers what it did then.
local stored = redis.call('GET', KEYS[2])
if stored then return stored end
local at, key = ARGV[2], ARGV[3]
local r = load_rec(ARGV[4])
if not r then return remember('{"ok":false,"reason":"not_found"}') end
if ARGV[5] ~= '1' then return remember('{"ok":false,"reason":"invalid_details"}') end
local email, email_key, book_json = ARGV[6], ARGV[7], ARGV[8]
local data = cjson.decode(r.data)
local old_email, old_book = data.email, data.book

local function same_book(a, b)
  if a == cjson.null or b == cjson.null then return a == b end
  local x, y = a.shippingAddress, b.shippingAddress
  return x.street == y.street and x.postalCode == y.postalCode and x.city == y.city and x.country == y.country
end

local new_book = old_book
if book_json ~= '' then new_book = cjson.decode(book_json) end
if (email == '' or email == old_email) and same_book(new_book, old_book) then
  return remember('{"ok":false,"reason":"unchanged"}')
end
if email ~= '' then
  local holder = redis.call('HGET', B .. 'email', email_key)
  if holder and holder ~= r.id then
    return remember('{"ok":false,"reason":"email_taken","registrationId":' .. cjson.encode(holder) .. '}')
  end
end

detach_register(r)
local previous = ',"previousDetails":{"email":' .. cjson.encode(old_email) .. ',"book":' .. cjson.encode(old_book) .. '}'
if email ~= '' then
  if redis.call('HGET', B .. 'email', r.email_key) == r.id then redis.call('HDEL', B .. 'email', r.email_key) end
  redis.call('HSET', B .. 'email', email_key, r.id)
  data.email = email
end
data.book = new_book
r.data, r.updated_at = cjson.encode(data), at
local moved = email ~= '' and email_key ~= r.email_key
if email ~= '' then r.email_key = email_key end
save_rec(r)
local json = rec_to_json(r)
outbox_add('details', key, 'details_changed', r.id, json, nil, at, previous)
if moved then outbox_add('details', key, 'old_email_notice', r.id, json, nil, at, previous) end
return remember('{"ok":true,"registration":' .. json .. previous .. '}')
