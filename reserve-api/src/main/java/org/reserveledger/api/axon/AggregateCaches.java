package org.reserveledger.api.axon;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;

import javax.cache.CacheManager;
import javax.cache.Caching;
import java.net.URI;
import java.util.OptionalLong;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory copies of aggregates between commands, one bounded cache per aggregate type (Caffeine,
 * through JCache and Axon's {@link JCacheAdapter}). Copies are held by reference, not serialized: a
 * command that fails rolls back and Axon evicts the copy it changed.
 */
final class AggregateCaches implements AutoCloseable {

    private final CacheManager manager;
    private final long maximumSize;
    private final Map<Class<?>, Cache> caches = new ConcurrentHashMap<>();

    AggregateCaches(long maximumSize) {
        // A manager of its own, so that several services in one JVM (as in tests) never share copies.
        this.manager = Caching.getCachingProvider(CaffeineCachingProvider.class.getName())
                .getCacheManager(URI.create("reserve-ledger-aggregates-" + UUID.randomUUID()),
                        AggregateCaches.class.getClassLoader());
        this.maximumSize = maximumSize;
    }

    /** The cache of one aggregate type's copies, by aggregate identifier. */
    Cache forType(Class<?> aggregateType) {
        return caches.computeIfAbsent(aggregateType, type -> {
            CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
            configuration.setStoreByValue(false);
            configuration.setMaximumSize(OptionalLong.of(maximumSize));
            return new JCacheAdapter(manager.createCache(type.getName(), configuration));
        });
    }

    @Override
    public void close() {
        manager.close();
    }
}
