-- Outbox counts: KEYS seats (for routing); ARGV base, then lane prefixes. Per lane, in order: the
-- pending (fresh and ready), sent and failed deliveries, counted without reading an entry.
local out = {}
for i = 2, #ARGV do
  local P = B .. ARGV[i]
  out[#out + 1] = redis.call('LLEN', P .. 'fresh') + redis.call('ZCARD', P .. 'ready')
  out[#out + 1] = redis.call('ZCARD', P .. 'sent')
  out[#out + 1] = redis.call('ZCARD', P .. 'failed')
end
return out
