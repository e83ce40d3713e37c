package io.omniroute.engine.stream;

import io.omniroute.engine.support.RedisForTests;

/** The Redis streams on a three-master Redis Cluster: streams on several shards, events published through the cluster bus. */
class RedisClusterEventStreamsTest extends RedisEventStreamsTest {
  @Override
  protected String url() {
    return RedisForTests.clusterUrl();
  }
}
