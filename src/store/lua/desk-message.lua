-- An organisers' message: KEYS seats; ARGV base, key, at, message JSON, registration ids. An
-- `organiser_message` entry for every registration that still exists and has none of this key
-- yet (so a resent form writes nothing twice); returns how many it wrote.
local key, at, message = ARGV[2], ARGV[3], ARGV[4]
local written = 0
for i = 5, #ARGV do
  local id = ARGV[i]
  local r = load_rec(id)
  if r and redis.call('HEXISTS', B .. 'ob:entry', 'message:' .. key .. ':organiser_message:' .. id) == 0 then
    outbox_add('message', key, 'organiser_message', id, rec_to_json(r), nil, at, ',"message":' .. message)
    written = written + 1
  end
end
return written
