-- init: KEYS seats; ARGV base, venue cap, the channels with a notifier ('telegram,slack', maybe
-- empty), the time (ISO), then per session its number, cap and series index (from 1). Sets only
-- what is missing, so every process may run it and a cap changed by an organiser stays as it is.
-- The channels join `ob:chats`, the set of channels whose owners get a chat lane next to the mail
-- (common.lua, outbox_add). The counters of arrival (seq) and of outbox writes (obn) live here too,
-- so that register.lua reads and writes them with the seats; a ledger written before kept them in
-- keys of their own.
-- Model 2 (per-session waiting lists): a ledger of model 1 kept one waiting list per combination
-- of sessions (`wlq:<sessions>`, listed in `wlcombos`) and let waiting registrations wait while the
-- venue had seats; the upgrade drops those indexes (`wl` stays the venue's list) and runs one
-- promotion pass (entries under command 'upgrade', key 'model-2'). Stop every process of the
-- older version first: it would keep writing the old indexes.
redis.call('HSETNX', SEATS, 'vcap', ARGV[2])
redis.call('HSETNX', SEATS, 'vtaken', 0)
for channel in string.gmatch(ARGV[3], '[^,]+') do redis.call('SADD', B .. 'ob:chats', channel) end
local series = {}
for i = 5, #ARGV, 3 do
  redis.call('HSETNX', SEATS, 'c' .. ARGV[i], ARGV[i + 1])
  redis.call('HSETNX', SEATS, 't' .. ARGV[i], 0)
  series[#series + 1] = ARGV[i]
  series[#series + 1] = ARGV[i + 2]
end
if #series > 0 then redis.call('HSET', B .. 'series', unpack(series)) end
redis.call('HSETNX', SEATS, 'seq', redis.call('GET', B .. 'seq') or '0')
redis.call('HSETNX', SEATS, 'obn', redis.call('GET', B .. 'ob:n') or '0')
if redis.call('HGET', SEATS, 'model') ~= '2' then
  for _, combo in ipairs(redis.call('SMEMBERS', B .. 'wlcombos')) do redis.call('DEL', B .. 'wlq:' .. combo) end
  redis.call('DEL', B .. 'wlcombos')
  local s = load_seats()
  promote(s, 'upgrade', 'model-2', ARGV[4])
  save_seats(s)
  redis.call('HSET', SEATS, 'model', '2')
end
return 1
