-- Outbox settle: KEYS ready set; ARGV base, mode (sent | retry | failed), entry id, worker,
-- retry at ms, error. Sent wins from any state; retry and failed only for the lease holder of a
-- claimed pending entry (after an expired lease another worker may have taken over); each counts
-- one attempt and keeps its error (common.lua, with_delivery).
local mode, id, worker = ARGV[2], ARGV[3], ARGV[4]
local value = redis.call('HGET', B .. 'ob:entry', id)
if not value then return 0 end
local n = string.match(value, '^(%d+)|')
local claimed = redis.call('ZSCORE', KEYS[1], id)
if mode == 'sent' then
  if claimed then
    redis.call('ZREM', KEYS[1], id)
  elseif not redis.call('ZSCORE', B .. 'ob:failed', id) and not redis.call('ZSCORE', B .. 'ob:sent', id) then
    redis.call('LREM', B .. 'ob:fresh', 1, id)
  end
  redis.call('ZREM', B .. 'ob:failed', id)
  redis.call('ZADD', B .. 'ob:sent', n, id)
  redis.call('HDEL', B .. 'ob:lease', id)
  return 1
end
if not claimed or redis.call('HGET', B .. 'ob:lease', id) ~= worker then return 0 end
redis.call('HDEL', B .. 'ob:lease', id)
redis.call('HSET', B .. 'ob:error', id, ARGV[6])
redis.call('HINCRBY', B .. 'ob:attempts', id, 1)
if mode == 'retry' then
  redis.call('ZADD', KEYS[1], ARGV[5], id)
else
  redis.call('ZREM', KEYS[1], id)
  redis.call('ZADD', B .. 'ob:failed', n, id)
end
return 1
