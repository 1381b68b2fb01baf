-- export: KEYS seats; ARGV base, at, key, registration id, the export as JSON text. A mail-only
-- `data_export` entry to the registration's address, once per key; 0 when there is no registration.
local r = load_rec(ARGV[4])
if not r then return 0 end
local entry_id = 'export:' .. ARGV[3] .. ':data_export:' .. r.id
local json = '{"id":' .. cjson.encode(entry_id) .. ',"kind":"data_export","registration":' .. rec_to_json(r)
  .. ',"dataExport":' .. cjson.encode(ARGV[5]) .. ',"createdAt":"' .. ARGV[2] .. '"}'
local n = redis.call('HINCRBY', SEATS, 'obn', 1)
if redis.call('HSETNX', B .. 'ob:entry', entry_id, n .. '00|' .. json) == 1 then redis.call('RPUSH', B .. 'ob:fresh', entry_id) end
return 1
