-- purged counts: KEYS seats; ARGV base. The anonymous counts the first purge kept, or nil.
return redis.call('GET', B .. 'purged')
