-- init: KEYS seats; ARGV base, venue cap, the channels with a notifier ('telegram,slack', maybe
-- empty), then session number and cap pairs. Sets only what is missing, so every process may run
-- it and a cap changed by an organiser stays as it is. The channels join `ob:chats`, the set of
-- channels whose owners get a chat lane next to the mail (common.lua, outbox_add). The
-- counters of arrival (seq) and of outbox writes (obn) live here too, so that register.lua reads and
-- writes them with the seats; a ledger written before kept them in keys of their own.
redis.call('HSETNX', SEATS, 'vcap', ARGV[2])
redis.call('HSETNX', SEATS, 'vtaken', 0)
for channel in string.gmatch(ARGV[3], '[^,]+') do redis.call('SADD', B .. 'ob:chats', channel) end
for i = 4, #ARGV, 2 do
  redis.call('HSETNX', SEATS, 'c' .. ARGV[i], ARGV[i + 1])
  redis.call('HSETNX', SEATS, 't' .. ARGV[i], 0)
end
redis.call('HSETNX', SEATS, 'seq', redis.call('GET', B .. 'seq') or '0')
redis.call('HSETNX', SEATS, 'obn', redis.call('GET', B .. 'ob:n') or '0')
return 1
