-- reminders: KEYS seats; ARGV base, at. A `reminder` entry for every confirmed registration that
-- has none yet (the set `reminded`), all in one step: two processes running it at once write
-- each reminder once. Nothing after the purge.
if redis.call('EXISTS', B .. 'purged') == 1 then return 0 end
local at, written = ARGV[2], 0
for _, id in ipairs(redis.call('ZRANGE', B .. 'confirmed', 0, -1)) do
  if redis.call('SADD', B .. 'reminded', id) == 1 then
    local r = load_rec(id)
    if r then
      outbox_add('reminder', 'before-event', 'reminder', id, rec_to_json(r), nil, at)
      written = written + 1
    end
  end
end
return written
