package io.omniroute.engine.queue.redis;

/**
 * The Lua scripts of the Redis store. Each runs atomically in one partition (one hash slot), so a
 * contact, its queue entries, its deadline and its idempotency key change together or not at all.
 * Queue members are {@code <16-digit accept sequence>:<contact id>}, so equal scores are served in
 * accept order and the id is {@code string.sub(member, 18)}.
 */
final class Scripts {
  private Scripts() {}

  /**
   * KEYS: contact, queue, arrival, due, idempotency key, queues, seq. ARGV: json, queue name, serve
   * score, arrival score, deadline score or '', id, '1' when keyed, key, customer id or '', partition
   * prefix, customer index seconds. Returns {1, id} or {0, first id}.
   */
  static final String ACCEPT = """
      if ARGV[7] == '1' then
        local existing = redis.call('GET', KEYS[5])
        if existing then return {0, existing} end
      end
      local seq = redis.call('INCR', KEYS[7])
      local member = string.format('%016d', seq) .. ':' .. ARGV[6]
      redis.call('HSET', KEYS[1], 'json', ARGV[1], 'status', 'QUEUED', 'queue', ARGV[2], 'member', member, 'key', ARGV[8])
      redis.call('ZADD', KEYS[2], ARGV[3], member)
      redis.call('ZADD', KEYS[3], ARGV[4], member)
      if ARGV[5] ~= '' then redis.call('ZADD', KEYS[4], ARGV[5], ARGV[6]) end
      if ARGV[7] == '1' then redis.call('SET', KEYS[5], ARGV[6]) end
      redis.call('SADD', KEYS[6], ARGV[2])
      if ARGV[9] ~= '' then
        local customer = ARGV[10] .. 'customer:' .. ARGV[9]
        redis.call('SADD', customer, ARGV[6])
        redis.call('EXPIRE', customer, ARGV[11])
      end
      return {1, ARGV[6]}
      """;

  /**
   * KEYS: queue, arrival, due. ARGV: agent, claimed-at (ISO-8601), contact key prefix. Pops the
   * next contact and marks it assigned; returns its stored JSON (still the queued record), or nil.
   */
  static final String CLAIM = """
      local popped = redis.call('ZPOPMIN', KEYS[1])
      if #popped == 0 then return false end
      local member = popped[1]
      local id = string.sub(member, 18)
      redis.call('ZREM', KEYS[2], member)
      redis.call('ZREM', KEYS[3], id)
      local contact = ARGV[3] .. id
      redis.call('HSET', contact, 'status', 'ASSIGNED', 'agent', ARGV[1], 'claimedAt', ARGV[2], 'member', '')
      return redis.call('HGET', contact, 'json')
      """;

  /**
   * KEYS: contact. ARGV: expected status, expected member, new JSON, new status, retention seconds,
   * partition prefix, expected erasure count. Finishes a contact only if it is unchanged since it
   * was read; returns 1 or 0.
   */
  static final String FINISH = """
      local cur = redis.call('HMGET', KEYS[1], 'status', 'member', 'queue', 'key', 'erasures')
      if cur[1] ~= ARGV[1] or (cur[2] or '') ~= ARGV[2] or (cur[5] or '0') ~= ARGV[7] then return 0 end
      local p = ARGV[6]
      if cur[1] == 'QUEUED' then
        redis.call('ZREM', p .. 'queue:' .. cur[3], cur[2])
        redis.call('ZREM', p .. 'arrival:' .. cur[3], cur[2])
        redis.call('ZREM', p .. 'due', string.sub(cur[2], 18))
      end
      redis.call('HSET', KEYS[1], 'json', ARGV[3], 'status', ARGV[4], 'member', '')
      redis.call('EXPIRE', KEYS[1], ARGV[5])
      if cur[4] and cur[4] ~= '' then redis.call('EXPIRE', p .. 'key:' .. cur[4], ARGV[5]) end
      return 1
      """;

  /**
   * KEYS: contact. ARGV: expected member, from queue, new JSON, new queue, serve score, arrival
   * score, deadline score or '', partition prefix, id, expected erasure count. Moves a queued
   * contact only if it is unchanged since it was read, so each due contact escalates once; returns
   * 1 or 0.
   */
  static final String ESCALATE = """
      local cur = redis.call('HMGET', KEYS[1], 'status', 'member', 'queue', 'erasures')
      if cur[1] ~= 'QUEUED' or cur[2] ~= ARGV[1] or cur[3] ~= ARGV[2] or (cur[4] or '0') ~= ARGV[10] then return 0 end
      local p = ARGV[8]
      redis.call('ZREM', p .. 'queue:' .. cur[3], cur[2])
      redis.call('ZREM', p .. 'arrival:' .. cur[3], cur[2])
      redis.call('ZREM', p .. 'due', ARGV[9])
      local seq = redis.call('INCR', p .. 'seq')
      local member = string.format('%016d', seq) .. ':' .. ARGV[9]
      redis.call('ZADD', p .. 'queue:' .. ARGV[4], ARGV[5], member)
      redis.call('ZADD', p .. 'arrival:' .. ARGV[4], ARGV[6], member)
      if ARGV[7] ~= '' then redis.call('ZADD', p .. 'due', ARGV[7], ARGV[9]) end
      redis.call('SADD', p .. 'queues', ARGV[4])
      redis.call('HSET', KEYS[1], 'json', ARGV[3], 'queue', ARGV[4], 'member', member)
      return 1
      """;

  /**
   * KEYS: contact. ARGV: expected JSON, erased JSON, partition prefix, customer id, id. Replaces the
   * contact's JSON only if it is unchanged since it was read, counts the erasure (so that a finish
   * or escalation read before it starts over) and drops the contact from its customer's index;
   * returns 1 or 0.
   */
  static final String ERASE = """
      if redis.call('HGET', KEYS[1], 'json') ~= ARGV[1] then return 0 end
      redis.call('HSET', KEYS[1], 'json', ARGV[2])
      redis.call('HINCRBY', KEYS[1], 'erasures', 1)
      redis.call('SREM', ARGV[3] .. 'customer:' .. ARGV[4], ARGV[5])
      return 1
      """;

  /** KEYS: queues. ARGV: partition prefix. Returns {name, depth, oldest arrival score or ''} per queue. */
  static final String STATS = """
      local out = {}
      for _, q in ipairs(redis.call('SMEMBERS', KEYS[1])) do
        local oldest = redis.call('ZRANGE', ARGV[1] .. 'arrival:' .. q, 0, 0, 'WITHSCORES')
        table.insert(out, {q, redis.call('ZCARD', ARGV[1] .. 'queue:' .. q), oldest[2] or ''})
      end
      return out
      """;

  /** KEYS: queue. ARGV: limit, contact key prefix. Returns {member, score, json} in serve order. */
  static final String WAITING = """
      local out = {}
      local entries = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
      for i = 1, #entries, 2 do
        local json = redis.call('HGET', ARGV[2] .. string.sub(entries[i], 18), 'json')
        table.insert(out, {entries[i], entries[i + 1], json})
      end
      return out
      """;

  /** KEYS: due. ARGV: now score, limit, contact key prefix. Returns the JSON of due contacts by deadline. */
  static final String DUE = """
      local out = {}
      for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))) do
        table.insert(out, redis.call('HGET', ARGV[3] .. id, 'json'))
      end
      return out
      """;
}
