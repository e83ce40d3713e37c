/**
 * Delivery to people: the agents registry. An agent ({@link io.omniroute.engine.delivery.AgentProfile})
 * serves queues of the directory with a capacity per channel and a wrap-up time, and has a
 * {@link io.omniroute.engine.delivery.Presence}. {@link io.omniroute.engine.delivery.AgentService}
 * checks and authorizes every change; an {@link io.omniroute.engine.delivery.AgentStore} keeps the
 * agents in memory or in Redis.
 */
package io.omniroute.engine.delivery;
