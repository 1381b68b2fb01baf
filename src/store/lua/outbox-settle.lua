-- Outbox settle: KEYS the lane's ready set; ARGV base, lane prefix, mode (sent | retry | failed),
-- entry id, worker, retry at ms, error. Sent wins from any state; retry and failed only for the
-- lease holder of a claimed pending delivery (after an expired lease another worker may have taken
-- over); each counts one attempt and keeps its error (common.lua, with_delivery). An entry that
-- has no delivery in this lane is left alone.
local P = B .. ARGV[2]
local mode, id, worker = ARGV[3], ARGV[4], ARGV[5]
local value = redis.call('HGET', B .. 'ob:entry', id)
if not value then return 0 end
local n = string.match(value, '^(%d+)|')
local claimed = redis.call('ZSCORE', KEYS[1], id)
if mode == 'sent' then
  if claimed then
    redis.call('ZREM', KEYS[1], id)
  elseif not redis.call('ZSCORE', P .. 'failed', id) and not redis.call('ZSCORE', P .. 'sent', id) then
    if redis.call('LREM', P .. 'fresh', 1, id) == 0 then return 0 end
  end
  redis.call('ZREM', P .. 'failed', id)
  redis.call('ZADD', P .. 'sent', n, id)
  redis.call('HDEL', P .. 'lease', id)
  return 1
end
if not claimed or redis.call('HGET', P .. 'lease', id) ~= worker then return 0 end
redis.call('HDEL', P .. 'lease', id)
redis.call('HSET', P .. 'error', id, ARGV[7])
redis.call('HINCRBY', P .. 'attempts', id, 1)
if mode == 'retry' then
  redis.call('ZADD', KEYS[1], ARGV[6], id)
else
  redis.call('ZREM', KEYS[1], id)
  redis.call('ZADD', P .. 'failed', n, id)
end
return 1
