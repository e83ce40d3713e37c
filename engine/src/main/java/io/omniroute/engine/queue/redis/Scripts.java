package io.omniroute.engine.queue.redis;

/**
 * The Lua scripts of the Redis store. Each runs atomically in one partition (one hash slot), so a
 * contact, its queue entries, its deadline, its idempotency key and its conversation change
 * together or not at all. Queue members are {@code <16-digit accept sequence>:<contact id>}, so
 * equal scores are served in accept order and the id is {@code string.sub(member, 18)}. Keys and
 * fields are described in {@link RedisKeys}; {@code p} is a partition's key prefix {@code {NS:N}:}.
 *
 * <p>Scripts that need them start with shared local functions: {@link #QUEUE_FUNCTIONS}, {@link
 * #CONVERSATION_FUNCTIONS} and {@link #READ_FUNCTIONS}.
 */
final class Scripts {
  private Scripts() {}

  /**
   * {@code dequeue(p, id, queue, member)} removes a contact's serve, arrival and due entries;
   * {@code enqueue(p, id, queue, serve, arrival, due)} adds them (no due entry when {@code due} is
   * '') with a new accept sequence and answers the new member.
   */
  private static final String QUEUE_FUNCTIONS = """
      local function dequeue(p, id, queue, member)
        redis.call('ZREM', p .. 'queue:' .. queue, member)
        redis.call('ZREM', p .. 'arrival:' .. queue, member)
        redis.call('ZREM', p .. 'due', id)
      end
      local function enqueue(p, id, queue, serve, arrival, due)
        local member = string.format('%016d', redis.call('INCR', p .. 'seq')) .. ':' .. id
        redis.call('ZADD', p .. 'queue:' .. queue, serve, member)
        redis.call('ZADD', p .. 'arrival:' .. queue, arrival, member)
        if due ~= '' then redis.call('ZADD', p .. 'due', due, id) end
        redis.call('SADD', p .. 'queues', queue)
        return member
      end
      """;

  /**
   * {@code bump(p, cid)} counts a change of the held conversation {@code cid} (nothing when it is
   * nil, '' or gone); {@code owner(p, key, scope)} answers the held conversation the thread key leads
   * to in {@code scope}, or false; {@code register(p, cid, key, scope)} makes a thread key that
   * leads nowhere yet lead to {@code cid}; {@code touch(p, cid, millis, seconds)} records activity
   * at {@code millis} in the customer's index and keeps that index and the conversation's thread
   * keys for {@code seconds}; {@code retain(p, cid, seconds)} makes the conversation's keys expire
   * after {@code seconds}, or never when it is ''.
   */
  private static final String CONVERSATION_FUNCTIONS = """
      local function bump(p, cid)
        if cid and cid ~= '' and redis.call('EXISTS', p .. 'conversation:' .. cid) == 1 then
          redis.call('HINCRBY', p .. 'conversation:' .. cid, 'version', 1)
        end
      end
      local function owner(p, key, scope)
        local cid = redis.call('HGET', p .. 'thread:' .. key, scope)
        if cid and redis.call('EXISTS', p .. 'conversation:' .. cid) == 1 then return cid end
        return false
      end
      local function register(p, cid, key, scope)
        if owner(p, key, scope) then return end
        redis.call('HSET', p .. 'thread:' .. key, scope, cid)
        redis.call('SADD', p .. 'conversation:' .. cid .. ':threads', cjson.encode({key, scope}))
      end
      local function touch(p, cid, millis, seconds)
        local conv = p .. 'conversation:' .. cid
        local customer = redis.call('HGET', conv, 'customer')
        if customer and customer ~= '' then
          redis.call('ZADD', p .. 'conversations:' .. customer, millis, cid)
          redis.call('EXPIRE', p .. 'conversations:' .. customer, seconds)
        end
        for _, thread in ipairs(redis.call('SMEMBERS', conv .. ':threads')) do
          redis.call('EXPIRE', p .. 'thread:' .. cjson.decode(thread)[1], seconds)
        end
      end
      local function retain(p, cid, seconds)
        local conv = p .. 'conversation:' .. cid
        for _, key in ipairs({conv, conv .. ':messages', conv .. ':threads'}) do
          if seconds == '' then redis.call('PERSIST', key) else redis.call('EXPIRE', key, seconds) end
        end
      end
      """;

  /**
   * {@code openOf(p, conv)} answers the hash of the contact that carries the conversation at key
   * {@code conv} ({} when gone); {@code whole(p, cid)} answers {conversation hash, open contact's
   * hash, messages' JSON oldest first, hashes of the held contacts of its inbound messages in
   * message order}.
   */
  private static final String READ_FUNCTIONS = """
      local function openOf(p, conv)
        local open = redis.call('HGET', conv, 'open')
        if not open then return {} end
        return redis.call('HGETALL', p .. 'contact:' .. open)
      end
      local function whole(p, cid)
        local conv = p .. 'conversation:' .. cid
        local messages = redis.call('LRANGE', conv .. ':messages', 0, -1)
        local contacts, seen = {}, {}
        for _, json in ipairs(messages) do
          local m = cjson.decode(json)
          local id = m.contactId
          if m.direction == 'INBOUND' and type(id) == 'string' and not seen[id] then
            seen[id] = true
            local contact = redis.call('HGETALL', p .. 'contact:' .. id)
            if #contact > 0 then table.insert(contacts, contact) end
          end
        end
        return {redis.call('HGETALL', conv), openOf(p, conv), messages, contacts}
      end
      """;

  /**
   * KEYS: contact, idempotency key, conversation. ARGV: partition prefix, id, json, status
   * ('QUEUED' or 'JOINED'), queue name, serve score, arrival score, deadline score or '', '1' when
   * keyed, key, customer id or '', customer index seconds, plan ('start', 'join' or 'reopen'),
   * conversation id, expected conversation version ('' to start), conversation urgency, message
   * JSON, thread key or '', thread scope, now (ISO-8601), now (milliseconds), retention seconds,
   * conversation index seconds, then for a join that raises the open contact: its new JSON or '',
   * its new queue, serve score, arrival score and deadline score or ''.
   *
   * <p>A repeated key returns {0, first contact's hash, hash of the contact carrying its
   * conversation or {}}. A plan that no longer fits returns {-1, conversation id}: a start whose
   * thread key already leads to a held conversation in its scope, a join or reopen whose conversation
   * is gone or at another version, a join of a closed conversation (or a raise of a contact no
   * longer waiting), a reopen of an open one. Otherwise stores the contact (queued, or joined without
   * queue entries and expiring like a finished one), applies the plan, appends the message,
   * registers the thread key and returns {1}.
   */
  static final String ACCEPT = QUEUE_FUNCTIONS + CONVERSATION_FUNCTIONS + READ_FUNCTIONS + """
      local p, id = ARGV[1], ARGV[2]
      if ARGV[9] == '1' then
        local first = redis.call('GET', KEYS[2])
        if first then
          local contact = p .. 'contact:' .. first
          local held = redis.call('HGET', contact, 'conversation')
          return {0, redis.call('HGETALL', contact), held and openOf(p, p .. 'conversation:' .. held) or {}}
        end
      end
      local conv, plan, cid = KEYS[3], ARGV[13], ARGV[14]
      if plan == 'start' then
        if ARGV[18] ~= '' then
          local taken = owner(p, ARGV[18], ARGV[19])
          if taken then return {-1, taken} end
        end
        redis.call('HSET', conv, 'customer', ARGV[11], 'version', 0, 'open', id, 'startedAt', ARGV[20])
      else
        local cur = redis.call('HMGET', conv, 'version', 'open')
        if cur[1] ~= ARGV[15] or not cur[2] then return {-1, cid} end
        local open = p .. 'contact:' .. cur[2]
        local status = redis.call('HGET', open, 'status')
        local isOpen = status == 'QUEUED' or status == 'OFFERED' or status == 'ASSIGNED'
        if plan == 'reopen' then
          if isOpen then return {-1, cid} end
          redis.call('HSET', conv, 'open', id)
          retain(p, cid, '')
        elseif not isOpen or (ARGV[24] ~= '' and status ~= 'QUEUED') then
          return {-1, cid}
        elseif ARGV[24] ~= '' then
          local was = redis.call('HMGET', open, 'queue', 'member')
          dequeue(p, cur[2], was[1], was[2])
          local member = enqueue(p, cur[2], ARGV[25], ARGV[26], ARGV[27], ARGV[28])
          redis.call('HSET', open, 'json', ARGV[24], 'queue', ARGV[25], 'member', member)
        end
      end
      redis.call('HSET', conv, 'urgency', ARGV[16], 'lastActivityAt', ARGV[20])
      redis.call('HINCRBY', conv, 'version', 1)
      redis.call('RPUSH', conv .. ':messages', ARGV[17])
      if ARGV[18] ~= '' then register(p, cid, ARGV[18], ARGV[19]) end
      touch(p, cid, ARGV[21], ARGV[23])
      if ARGV[4] == 'QUEUED' then
        local member = enqueue(p, id, ARGV[5], ARGV[6], ARGV[7], ARGV[8])
        redis.call('HSET', KEYS[1], 'json', ARGV[3], 'status', 'QUEUED', 'queue', ARGV[5], 'member', member,
          'key', ARGV[10], 'conversation', cid)
      else
        redis.call('HSET', KEYS[1], 'json', ARGV[3], 'status', ARGV[4], 'queue', ARGV[5], 'member', '',
          'key', ARGV[10], 'conversation', cid)
        redis.call('EXPIRE', KEYS[1], ARGV[22])
      end
      if ARGV[9] == '1' then
        redis.call('SET', KEYS[2], id)
        if ARGV[4] ~= 'QUEUED' then redis.call('EXPIRE', KEYS[2], ARGV[22]) end
      end
      if ARGV[11] ~= '' then
        local customer = p .. 'customer:' .. ARGV[11]
        redis.call('SADD', customer, id)
        redis.call('EXPIRE', customer, ARGV[12])
      end
      return {1}
      """;

  /**
   * KEYS: queue, arrival, due. ARGV: agent, claimed-at (ISO-8601), partition prefix. Pops the next
   * contact, marks it assigned and counts a change of its conversation; returns its stored JSON
   * (still the queued record), or nil.
   */
  static final String CLAIM = CONVERSATION_FUNCTIONS + """
      local popped = redis.call('ZPOPMIN', KEYS[1])
      if #popped == 0 then return false end
      local member = popped[1]
      local id = string.sub(member, 18)
      redis.call('ZREM', KEYS[2], member)
      redis.call('ZREM', KEYS[3], id)
      local contact = ARGV[3] .. 'contact:' .. id
      redis.call('HSET', contact, 'status', 'ASSIGNED', 'agent', ARGV[1], 'claimedAt', ARGV[2], 'member', '')
      bump(ARGV[3], redis.call('HGET', contact, 'conversation'))
      return redis.call('HGET', contact, 'json')
      """;

  /**
   * KEYS: contact. ARGV: expected status, expected member, new JSON, new status, retention seconds,
   * partition prefix, expected erasure count, expected transfer count, id, now (ISO-8601), now
   * (milliseconds), conversation retention seconds, conversation index seconds. Finishes a contact
   * only if it is unchanged since it was read and counts a change of its conversation; when the
   * contact carried its conversation, the conversation closes: it records where and by whom it was
   * last answered and expires after the conversation retention. Returns 1 or 0.
   */
  static final String FINISH = QUEUE_FUNCTIONS + CONVERSATION_FUNCTIONS + """
      local cur = redis.call('HMGET', KEYS[1], 'status', 'member', 'queue', 'key', 'erasures', 'transfers',
        'conversation', 'agent')
      if cur[1] ~= ARGV[1] or (cur[2] or '') ~= ARGV[2] or (cur[5] or '0') ~= ARGV[7] or (cur[6] or '0') ~= ARGV[8] then
        return 0
      end
      local p, id, cid = ARGV[6], ARGV[9], cur[7]
      if cur[1] == 'QUEUED' then dequeue(p, id, cur[3], cur[2]) end
      redis.call('HSET', KEYS[1], 'json', ARGV[3], 'status', ARGV[4], 'member', '')
      redis.call('EXPIRE', KEYS[1], ARGV[5])
      if cur[4] and cur[4] ~= '' then redis.call('EXPIRE', p .. 'key:' .. cur[4], ARGV[5]) end
      if cid and redis.call('HGET', p .. 'conversation:' .. cid, 'open') == id then
        redis.call('HSET', p .. 'conversation:' .. cid, 'lastQueue', cur[3] or '', 'lastAgent', cur[8] or '',
          'lastActivityAt', ARGV[10])
        touch(p, cid, ARGV[11], ARGV[13])
        retain(p, cid, ARGV[12])
      end
      bump(p, cid)
      return 1
      """;

  /**
   * KEYS: contact. ARGV: expected member, from queue, new JSON, new queue, serve score, arrival
   * score, deadline score or '', partition prefix, id, expected erasure count. Moves a queued
   * contact only if it is unchanged since it was read, so each due contact escalates once, and
   * counts a change of its conversation; returns 1 or 0.
   */
  static final String ESCALATE = QUEUE_FUNCTIONS + CONVERSATION_FUNCTIONS + """
      local cur = redis.call('HMGET', KEYS[1], 'status', 'member', 'queue', 'erasures', 'conversation')
      if cur[1] ~= 'QUEUED' or cur[2] ~= ARGV[1] or cur[3] ~= ARGV[2] or (cur[4] or '0') ~= ARGV[10] then return 0 end
      local p = ARGV[8]
      dequeue(p, ARGV[9], cur[3], cur[2])
      local member = enqueue(p, ARGV[9], ARGV[4], ARGV[5], ARGV[6], ARGV[7])
      redis.call('HSET', KEYS[1], 'json', ARGV[3], 'queue', ARGV[4], 'member', member)
      bump(p, cur[5])
      return 1
      """;

  /**
   * KEYS: contact. ARGV: queue, expected member, expected erasure count, offered JSON, agent, offer
   * id, partition prefix. Reserves a queued contact for an offer only if it is unchanged since it was
   * read: it leaves its queue's serve and arrival order but keeps its due entry, and counts a change
   * of its conversation. Returns 1 or 0.
   */
  static final String RESERVE = CONVERSATION_FUNCTIONS + """
      local cur = redis.call('HMGET', KEYS[1], 'status', 'member', 'queue', 'erasures', 'conversation')
      if cur[1] ~= 'QUEUED' or cur[2] ~= ARGV[2] or cur[3] ~= ARGV[1] or (cur[4] or '0') ~= ARGV[3] then return 0 end
      local p = ARGV[7]
      redis.call('ZREM', p .. 'queue:' .. cur[3], cur[2])
      redis.call('ZREM', p .. 'arrival:' .. cur[3], cur[2])
      redis.call('HSET', KEYS[1], 'json', ARGV[4], 'status', 'OFFERED', 'agent', ARGV[5], 'offer', ARGV[6], 'member', '')
      bump(p, cur[5])
      return 1
      """;

  /**
   * KEYS: contact. ARGV: offer id, expected erasure count, new JSON, new status ('QUEUED' or
   * 'ASSIGNED'), serve score, arrival score, partition prefix, id, now (ISO-8601). Ends the open
   * offer only if the contact is still reserved by it and unchanged: queued again in its queue's
   * serve and arrival order (its due entry stayed), or assigned to the agent it was offered to (no
   * longer due). Counts a change of its conversation; returns 1 or 0.
   */
  static final String END_OFFER = CONVERSATION_FUNCTIONS + """
      local cur = redis.call('HMGET', KEYS[1], 'status', 'offer', 'queue', 'erasures', 'conversation')
      if cur[1] ~= 'OFFERED' or cur[2] ~= ARGV[1] or (cur[4] or '0') ~= ARGV[2] then return 0 end
      local p, id, queue = ARGV[7], ARGV[8], cur[3]
      redis.call('HDEL', KEYS[1], 'offer')
      if ARGV[4] == 'QUEUED' then
        local member = string.format('%016d', redis.call('INCR', p .. 'seq')) .. ':' .. id
        redis.call('ZADD', p .. 'queue:' .. queue, ARGV[5], member)
        redis.call('ZADD', p .. 'arrival:' .. queue, ARGV[6], member)
        redis.call('SADD', p .. 'queues', queue)
        redis.call('HSET', KEYS[1], 'json', ARGV[3], 'status', 'QUEUED', 'member', member)
        redis.call('HDEL', KEYS[1], 'agent')
      else
        redis.call('ZREM', p .. 'due', id)
        redis.call('HSET', KEYS[1], 'json', ARGV[3], 'status', 'ASSIGNED', 'claimedAt', ARGV[9])
      end
      bump(p, cur[5])
      return 1
      """;

  /**
   * KEYS: contact. ARGV: expected status, expected member, expected erasure count, expected
   * transfer count, new JSON, new queue, serve score, arrival score, deadline score or '', partition
   * prefix, id. Moves a waiting or assigned contact to a queue, waiting and without agent, only if it
   * is unchanged since it was read; counts the transfer (so that a finish read before it starts
   * over) and a change of its conversation. Returns 1 or 0.
   */
  static final String TRANSFER = QUEUE_FUNCTIONS + CONVERSATION_FUNCTIONS + """
      local cur = redis.call('HMGET', KEYS[1], 'status', 'member', 'queue', 'erasures', 'transfers', 'conversation')
      if cur[1] ~= ARGV[1] or (cur[2] or '') ~= ARGV[2] or (cur[4] or '0') ~= ARGV[3] or (cur[5] or '0') ~= ARGV[4] then
        return 0
      end
      local p, id = ARGV[10], ARGV[11]
      if cur[1] == 'QUEUED' then dequeue(p, id, cur[3], cur[2]) end
      local member = enqueue(p, id, ARGV[6], ARGV[7], ARGV[8], ARGV[9])
      redis.call('HSET', KEYS[1], 'json', ARGV[5], 'status', 'QUEUED', 'queue', ARGV[6], 'member', member)
      redis.call('HDEL', KEYS[1], 'agent', 'claimedAt')
      redis.call('HINCRBY', KEYS[1], 'transfers', 1)
      bump(p, cur[6])
      return 1
      """;

  /**
   * KEYS: contact. ARGV: expected JSON, erased JSON, partition prefix, customer id, id. Replaces the
   * contact's JSON only if it is unchanged since it was read, counts the erasure (so that a finish
   * or escalation read before it starts over) and a change of its conversation, and drops the
   * contact from its customer's index; returns 1 or 0.
   */
  static final String ERASE = CONVERSATION_FUNCTIONS + """
      if redis.call('HGET', KEYS[1], 'json') ~= ARGV[1] then return 0 end
      redis.call('HSET', KEYS[1], 'json', ARGV[2])
      redis.call('HINCRBY', KEYS[1], 'erasures', 1)
      redis.call('SREM', ARGV[3] .. 'customer:' .. ARGV[4], ARGV[5])
      bump(ARGV[3], redis.call('HGET', KEYS[1], 'conversation'))
      return 1
      """;

  /**
   * KEYS: contact. ARGV: expected JSON, new JSON, partition prefix. Replaces the contact's JSON
   * (its history with an entry added) only if it is unchanged since it was read, and counts the
   * change as an erasure does, so that a finish or escalation read before it starts over instead
   * of writing the entry away; counts a change of its conversation. Returns 1 or 0.
   */
  static final String ADD_HISTORY = CONVERSATION_FUNCTIONS + """
      if redis.call('HGET', KEYS[1], 'json') ~= ARGV[1] then return 0 end
      redis.call('HSET', KEYS[1], 'json', ARGV[2])
      redis.call('HINCRBY', KEYS[1], 'erasures', 1)
      bump(ARGV[3], redis.call('HGET', KEYS[1], 'conversation'))
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

  /**
   * KEYS: conversation. ARGV: partition prefix. Returns {conversation hash, open contact's hash or
   * {}}, or {} when the conversation is not held.
   */
  static final String CONVERSATION_STATE = READ_FUNCTIONS + """
      if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
      return {redis.call('HGETALL', KEYS[1]), openOf(ARGV[1], KEYS[1])}
      """;

  /**
   * KEYS: thread. ARGV: partition prefix. Returns {scope, conversation id, conversation hash, open
   * contact's hash or {}} for each scope of the thread key whose conversation is held.
   */
  static final String THREAD_STATES = READ_FUNCTIONS + """
      local out = {}
      local scopes = redis.call('HGETALL', KEYS[1])
      for i = 1, #scopes, 2 do
        local conv = ARGV[1] .. 'conversation:' .. scopes[i + 1]
        if redis.call('EXISTS', conv) == 1 then
          table.insert(out, {scopes[i], scopes[i + 1], redis.call('HGETALL', conv), openOf(ARGV[1], conv)})
        end
      end
      return out
      """;

  /**
   * KEYS: conversation. ARGV: partition prefix, conversation id. Returns the conversation as {@code
   * whole} answers it, or {} when it is not held.
   */
  static final String CONVERSATION = READ_FUNCTIONS + """
      if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
      return whole(ARGV[1], ARGV[2])
      """;

  /**
   * KEYS: customer's conversations. ARGV: limit, partition prefix. Returns {id, last activity score}
   * of up to limit held conversations of the customer, the most recently active first.
   */
  static final String CONVERSATIONS_OF = """
      local out = {}
      local entries = redis.call('ZREVRANGE', KEYS[1], 0, -1, 'WITHSCORES')
      for i = 1, #entries, 2 do
        if #out >= tonumber(ARGV[1]) then break end
        if redis.call('EXISTS', ARGV[2] .. 'conversation:' .. entries[i]) == 1 then
          table.insert(out, {entries[i], entries[i + 1]})
        end
      end
      return out
      """;

  /**
   * KEYS: conversation. ARGV: partition prefix, conversation id, message JSON, message time
   * (ISO-8601), message time (milliseconds), conversation retention seconds, conversation index
   * seconds. Appends the message and counts the change; a closed conversation is kept for the
   * retention from now. Returns the conversation as {@code whole} answers it, or {} when it is not held.
   */
  static final String ADD_MESSAGE = CONVERSATION_FUNCTIONS + READ_FUNCTIONS + """
      if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
      local p, cid = ARGV[1], ARGV[2]
      redis.call('RPUSH', KEYS[1] .. ':messages', ARGV[3])
      redis.call('HINCRBY', KEYS[1], 'version', 1)
      redis.call('HSET', KEYS[1], 'lastActivityAt', ARGV[4])
      touch(p, cid, ARGV[5], ARGV[7])
      if redis.call('TTL', KEYS[1]) >= 0 then retain(p, cid, ARGV[6]) end
      return whole(p, cid)
      """;

  /**
   * KEYS: customer's conversations. ARGV: partition prefix. Erases the words of every message of the
   * customer's held conversations in the partition (as {@link io.omniroute.engine.queue.Message#withoutPersonalData}
   * does: no subject, no text, erased), forgets the conversations' customer and thread keys, counts
   * a change of each, and drops the customer's index. Returns {number of conversations}.
   */
  static final String ERASE_CONVERSATIONS = """
      local p, count = ARGV[1], 0
      for _, cid in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
        local conv = p .. 'conversation:' .. cid
        if redis.call('EXISTS', conv) == 1 then
          local messages = conv .. ':messages'
          for i, json in ipairs(redis.call('LRANGE', messages, 0, -1)) do
            local m = cjson.decode(json)
            m.subject = nil
            m.text = nil
            m.erased = true
            redis.call('LSET', messages, i - 1, cjson.encode(m))
          end
          for _, thread in ipairs(redis.call('SMEMBERS', conv .. ':threads')) do
            local t = cjson.decode(thread)
            local key = p .. 'thread:' .. t[1]
            if redis.call('HGET', key, t[2]) == cid then redis.call('HDEL', key, t[2]) end
          end
          redis.call('DEL', conv .. ':threads')
          redis.call('HSET', conv, 'customer', '')
          redis.call('HINCRBY', conv, 'version', 1)
          count = count + 1
        end
      end
      redis.call('DEL', KEYS[1])
      return {count}
      """;
}
