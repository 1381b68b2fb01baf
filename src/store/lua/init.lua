-- init: KEYS seats; ARGV base, venue cap, then session number and cap pairs. Sets only what is
-- missing, so every process may run it and a cap changed by an organiser stays as it is.
redis.call('HSETNX', SEATS, 'vcap', ARGV[2])
redis.call('HSETNX', SEATS, 'vtaken', 0)
for i = 3, #ARGV, 2 do
  redis.call('HSETNX', SEATS, 'c' .. ARGV[i], ARGV[i + 1])
  redis.call('HSETNX', SEATS, 't' .. ARGV[i], 0)
end
return 1
